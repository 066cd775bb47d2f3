import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductRatings } from '../../../../catalog/application/ports/product-ratings.port';
import { ReviewRepository } from '../../ports/review.repository.port';
import { DeleteReviewCommand } from './delete-review.command';

/** DELETE /reviews/:id (author only): the review leaves the lists and, if visible, the rating, in one transaction. */
@CommandHandler(DeleteReviewCommand)
export class DeleteReviewHandler implements ICommandHandler<DeleteReviewCommand, void> {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly ratings: ProductRatings,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: DeleteReviewCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const review = await this.reviews.findForUpdate(command.reviewId);
      if (!review) throw new NotFoundError('Review', command.reviewId);
      const delta = review.delete(command.userId, this.clock.now());
      await this.reviews.save(review);
      await this.ratings.add(review.productId, delta);
    });
  }
}
