import { Query } from '@nestjs/cqrs';
import { ProductDetailView } from './product.view';

export class GetProductQuery extends Query<ProductDetailView> {
  constructor(
    readonly productId: string,
    /** Admins also see HIDDEN products. */
    readonly includeHidden: boolean,
  ) {
    super();
  }
}
