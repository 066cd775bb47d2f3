import { ProductView } from '../queries/get-product/product.view';

/** Product views for other modules' read sides (cart, best sellers), from the cached replica read model. */
export abstract class ProductCatalog {
  /** The products that exist among `ids`, whatever their status, in the order of `ids`; unknown ids are left out. */
  abstract products(ids: readonly string[]): Promise<ProductView[]>;
}
