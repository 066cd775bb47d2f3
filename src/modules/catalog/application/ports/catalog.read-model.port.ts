import { ProductDetailView, ProductView } from '../queries/get-product/product.view';
import { CategoryPageView } from '../queries/list-categories/category.view';
import { ProductListCriteria } from '../queries/list-products/product-list-criteria';

/** Read side of the catalog (replicas, cached). */
export abstract class CatalogReadModel {
  /** One product whatever its status, with its rating; null if it does not exist. */
  abstract product(id: string): Promise<ProductDetailView | null>;

  /** One page of ACTIVE products plus the cursor of the last item (null at the end). */
  abstract products(
    criteria: ProductListCriteria,
  ): Promise<{ items: ProductView[]; last: { id: string; price: number } | null }>;

  /** Categories by name, keyset-paginated after `afterName`. */
  abstract categories(
    limit: number,
    after?: { name: string; id: string },
  ): Promise<CategoryPageView['items']>;
}
