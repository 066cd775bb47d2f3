import { ReviewPosition, ReviewSort } from '../queries/list-reviews/review-sort';
import { ReviewView } from '../queries/list-reviews/review.view';

/** Visible reviews of a product on a replica (hidden and deleted ones never appear). */
export abstract class ReviewReadModel {
  /** Up to `limit` visible reviews of the product in the sort's order, after `after` when given. */
  abstract page(
    productId: string,
    sort: ReviewSort,
    limit: number,
    after?: ReviewPosition,
  ): Promise<ReviewView[]>;
}
