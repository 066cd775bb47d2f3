import { ReviewView } from '../queries/list-reviews/review.view';

/** A command's answer: the review and whether anything changed (repeats change nothing and count nothing). */
export interface ReviewChange {
  readonly review: ReviewView;
  readonly changed: boolean;
}
