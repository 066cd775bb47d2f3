import { Review } from '../../domain/review.aggregate';

/** Reviews on the primary, inside the caller's UnitOfWork. */
export abstract class ReviewRepository {
  /** Inserts a new review; REVIEW_EXISTS when its order line already has one (the unique key decides). */
  abstract add(review: Review): Promise<void>;

  /** The review with its row locked until the transaction ends; null if there is none. */
  abstract findForUpdate(id: string): Promise<Review | null>;

  /** Writes the review's status, rating, text, helpful count and times. */
  abstract save(review: Review): Promise<void>;

  /** Records `userId`'s helpful vote once; false when it was already there. */
  abstract addHelpfulVote(reviewId: string, userId: string, at: Date): Promise<boolean>;
}
