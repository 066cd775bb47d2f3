import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ReviewRepository } from '../../ports/review.repository.port';
import { ReviewChange } from '../../services/review-change';
import { toReviewView } from '../../services/review-view.mapper';
import { MarkReviewHelpfulCommand } from './mark-review-helpful.command';

/**
 * POST /reviews/:id/helpful: one vote per member and review (the vote's
 * primary key decides), counted on the locked review row; voting again
 * answers the same count.
 */
@CommandHandler(MarkReviewHelpfulCommand)
export class MarkReviewHelpfulHandler implements ICommandHandler<
  MarkReviewHelpfulCommand,
  ReviewChange
> {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: MarkReviewHelpfulCommand): Promise<ReviewChange> {
    return this.unitOfWork.run(async () => {
      const review = await this.reviews.findForUpdate(command.reviewId);
      if (!review) throw new NotFoundError('Review', command.reviewId);
      review.assertVotableBy(command.userId);
      const added = await this.reviews.addHelpfulVote(review.id, command.userId, this.clock.now());
      if (added) {
        review.votedHelpful();
        await this.reviews.save(review);
      }
      return { review: toReviewView(review), changed: added };
    });
  }
}
