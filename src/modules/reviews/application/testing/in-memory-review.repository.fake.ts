import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Review, ReviewState } from '../../domain/review.aggregate';
import { ReviewExistsError } from '../../domain/review-exists.error';
import { ReviewRepository } from '../ports/review.repository.port';

const stateOf = (review: Review): ReviewState => ({
  id: review.id,
  productId: review.productId,
  orderId: review.orderId,
  userId: review.userId,
  status: review.status,
  rating: review.rating,
  text: review.text,
  authorName: review.authorName,
  helpfulCount: review.helpfulCount,
  createdAt: review.createdAt,
  updatedAt: review.updatedAt,
  hiddenAt: review.hiddenAt,
  deletedAt: review.deletedAt,
});

/** Reviews and helpful votes as plain rows (unique order line, one vote per member), rolled back with the fake transaction. */
export class InMemoryReviewRepository extends ReviewRepository {
  private rows = new Map<string, ReviewState>();
  private votes = new Set<string>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const rows = new Map(this.rows);
        const votes = new Set(this.votes);
        return () => {
          this.rows = rows;
          this.votes = votes;
        };
      },
    });
  }

  row(id: string): ReviewState | undefined {
    return this.rows.get(id);
  }

  add(review: Review): Promise<void> {
    this.inTransaction();
    const taken = [...this.rows.values()].some(
      (row) => row.orderId === review.orderId && row.productId === review.productId,
    );
    if (taken) return Promise.reject(new ReviewExistsError(review.orderId, review.productId));
    this.rows.set(review.id, stateOf(review));
    return Promise.resolve();
  }

  findForUpdate(id: string): Promise<Review | null> {
    this.inTransaction();
    const row = this.rows.get(id);
    return Promise.resolve(row ? Review.rehydrate(row) : null);
  }

  save(review: Review): Promise<void> {
    this.inTransaction();
    this.rows.set(review.id, stateOf(review));
    return Promise.resolve();
  }

  addHelpfulVote(reviewId: string, userId: string): Promise<boolean> {
    this.inTransaction();
    const key = `${reviewId}/${userId}`;
    if (this.votes.has(key)) return Promise.resolve(false);
    this.votes.add(key);
    return Promise.resolve(true);
  }

  private inTransaction(): void {
    if (this.unitOfWork.currentTransaction === undefined)
      throw new Error('ReviewRepository used outside a transaction');
  }
}
