/** A product's rating as clients see it. */
export interface ProductRating {
  /** Mean of the visible ratings, rounded half up to 2 decimals; null while there are none. */
  readonly average: number | null;
  /** How many visible reviews the mean is over. */
  readonly count: number;
}

/**
 * The rating from the exact totals (sum and count of visible ratings, kept
 * in SQL). Integer arithmetic up to the last step: sum * 100 / count is a
 * quotient of integers, so a true half (x.xx5) is exactly representable and
 * rounds up, never down by a binary fraction.
 */
export function productRating(sum: number, count: number): ProductRating {
  if (count <= 0) return { average: null, count: 0 };
  return { average: Math.round((sum * 100) / count) / 100, count };
}
