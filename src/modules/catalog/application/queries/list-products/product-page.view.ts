import { ProductView } from '../get-product/product.view';

export interface ProductPageView {
  readonly items: ProductView[];
  readonly nextCursor: string | null;
}
