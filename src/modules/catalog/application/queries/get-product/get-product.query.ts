import { Query } from '@nestjs/cqrs';
import { ProductView } from './product.view';

export class GetProductQuery extends Query<ProductView> {
  constructor(
    readonly productId: string,
    /** Admins also see HIDDEN products. */
    readonly includeHidden: boolean,
  ) {
    super();
  }
}
