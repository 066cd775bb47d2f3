import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductRatings } from '../../../../catalog/application/ports/product-ratings.port';
import { ReviewRepository } from '../../ports/review.repository.port';
import { ReviewView } from '../../queries/list-reviews/review.view';
import { toReviewView } from '../../services/review-view.mapper';
import { EditReviewCommand } from './edit-review.command';

/**
 * PATCH /reviews/:id (author only): the row is locked, so the rating
 * difference applied to the product's totals is computed from the state no
 * concurrent edit, delete or hide can change underneath.
 */
@CommandHandler(EditReviewCommand)
export class EditReviewHandler implements ICommandHandler<EditReviewCommand, ReviewView> {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly ratings: ProductRatings,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: EditReviewCommand): Promise<ReviewView> {
    return this.unitOfWork.run(async () => {
      const review = await this.reviews.findForUpdate(command.reviewId);
      if (!review) throw new NotFoundError('Review', command.reviewId);
      const delta = review.edit(command.userId, command.changes, this.clock.now());
      await this.reviews.save(review);
      await this.ratings.add(review.productId, delta);
      return toReviewView(review);
    });
  }
}
