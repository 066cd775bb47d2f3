import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductRatings } from '../../../../catalog/application/ports/product-ratings.port';
import { UserDirectory } from '../../../../identity/application/ports/user-directory.port';
import { DeliveredPurchases } from '../../../../ordering/application/ports/delivered-purchases.port';
import { maskAuthorName } from '../../../domain/author-name';
import { Review } from '../../../domain/review.aggregate';
import { ReviewNotAllowedError } from '../../../domain/review-not-allowed.error';
import { ReviewRepository } from '../../ports/review.repository.port';
import { ReviewView } from '../../queries/list-reviews/review.view';
import { toReviewView } from '../../services/review-view.mapper';
import { PostReviewCommand } from './post-review.command';

/**
 * POST /products/:id/reviews, in one transaction: the order line must have
 * been delivered to the caller (REVIEW_NOT_ALLOWED), the review row is
 * inserted (the unique order line decides REVIEW_EXISTS, also between two
 * racing requests) and the product's rating totals move by one atomic
 * UPDATE, so any number of concurrent reviews add up exactly.
 */
@CommandHandler(PostReviewCommand)
export class PostReviewHandler implements ICommandHandler<PostReviewCommand, ReviewView> {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly purchases: DeliveredPurchases,
    private readonly ratings: ProductRatings,
    private readonly members: UserDirectory,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: PostReviewCommand): Promise<ReviewView> {
    const line = { userId: command.userId, orderId: command.orderId, productId: command.productId };
    // Read before the transaction: the name is only shown masked.
    const contact = await this.members.contact(command.userId);
    const review = Review.create({
      id: this.ids.next(),
      ...line,
      rating: command.rating,
      text: command.text,
      authorName: maskAuthorName(contact?.name ?? ''),
      now: this.clock.now(),
    });
    return this.unitOfWork.run(async () => {
      if (!contact || !(await this.purchases.received(line)))
        throw new ReviewNotAllowedError(command.orderId, command.productId);
      await this.reviews.add(review);
      await this.ratings.add(review.productId, review.contribution);
      return toReviewView(review);
    });
  }
}
