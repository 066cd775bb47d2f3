/** Tells the read side's caches what a committed write changed. */
export abstract class CatalogCache {
  /** Evicts one product and every cached product list; never throws. */
  abstract productsChanged(productIds: readonly string[]): Promise<void>;

  /** Evicts every cached category list; never throws. */
  abstract categoriesChanged(): Promise<void>;
}
