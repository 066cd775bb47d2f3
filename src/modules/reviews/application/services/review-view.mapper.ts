import { ERASED_AUTHOR_NAME } from '../../domain/author-name';
import { Review } from '../../domain/review.aggregate';
import { ReviewView } from '../queries/list-reviews/review.view';

/** The view of a review just written (returned by the commands). */
export function toReviewView(review: Review): ReviewView {
  return {
    id: review.id,
    productId: review.productId,
    rating: review.rating,
    text: review.text,
    authorName: review.authorName ?? ERASED_AUTHOR_NAME,
    helpfulCount: review.helpfulCount,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}
