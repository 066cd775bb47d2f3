/** Tells the read side's caches what a committed write changed. */
export abstract class CatalogCache {
  /** Evicts one product and every cached product list; never throws. */
  abstract productsChanged(productIds: readonly string[]): Promise<void>;

  /**
   * Evicts the details of products whose stock changed through orders, or
   * whose rating changed through reviews (lists show no rating). Lists
   * keep their version: under order traffic they would otherwise never hit;
   * a list shows stock up to its TTL old, the detail and the order are exact.
   */
  abstract stockChanged(productIds: readonly string[]): Promise<void>;

  /** Evicts every cached category list; never throws. */
  abstract categoriesChanged(): Promise<void>;
}
