/** A change of a product's rating totals: the rating points and the number of visible reviews added (negative to take away). */
export interface RatingChange {
  readonly sum: number;
  readonly count: number;
}

/**
 * The totals behind a product's rating, for the reviews context. Each change
 * is one atomic UPDATE in the caller's UnitOfWork (sum = sum + ?, count =
 * count + ?), so concurrent reviews add up exactly; the product's cached
 * detail is evicted on every instance after the commit.
 */
export abstract class ProductRatings {
  /** Adds `change` to the product's totals inside the current transaction. */
  abstract add(productId: string, change: RatingChange): Promise<void>;
}
