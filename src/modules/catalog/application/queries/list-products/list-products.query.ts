import { Query } from '@nestjs/cqrs';
import { ProductSort } from './product-list-criteria';
import { ProductPageView } from './product-page.view';

export class ListProductsQuery extends Query<ProductPageView> {
  constructor(
    readonly filter: {
      readonly limit: number;
      readonly sort: ProductSort;
      readonly cursor?: string;
      readonly categoryId?: string;
      readonly q?: string;
      readonly minPrice?: number;
      readonly maxPrice?: number;
    },
  ) {
    super();
  }
}
