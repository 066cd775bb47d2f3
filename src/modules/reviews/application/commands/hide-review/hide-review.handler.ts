import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { ProductRatings } from '../../../../catalog/application/ports/product-ratings.port';
import { ReviewRepository } from '../../ports/review.repository.port';
import { ReviewChange } from '../../services/review-change';
import { toReviewView } from '../../services/review-view.mapper';
import { HideReviewCommand } from './hide-review.command';

/**
 * POST /admin/reviews/:id/hide: the review leaves the lists and the rating,
 * and an audit event names the admin and the author, all in one transaction.
 * Hiding again changes and records nothing.
 */
@CommandHandler(HideReviewCommand)
export class HideReviewHandler implements ICommandHandler<HideReviewCommand, ReviewChange> {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly ratings: ProductRatings,
    private readonly audit: AuditTrail,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: HideReviewCommand): Promise<ReviewChange> {
    return this.unitOfWork.run(async () => {
      const review = await this.reviews.findForUpdate(command.reviewId);
      if (!review) throw new NotFoundError('Review', command.reviewId);
      const delta = review.hide(this.clock.now());
      if (delta) {
        await this.reviews.save(review);
        await this.ratings.add(review.productId, delta);
        await this.audit.recordChange({
          actor: { userId: command.adminId, role: 'ADMIN' },
          action: 'admin.review.hidden',
          subjectUserId: review.userId,
          resource: `review:${review.id}`,
        });
      }
      return { review: toReviewView(review), changed: delta !== null };
    });
  }
}
