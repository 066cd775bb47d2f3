import { Command } from '@nestjs/cqrs';
import { ReviewChanges } from '../../../domain/review.aggregate';
import { ReviewView } from '../../queries/list-reviews/review.view';

export class EditReviewCommand extends Command<ReviewView> {
  constructor(
    readonly userId: string,
    readonly reviewId: string,
    readonly changes: ReviewChanges,
  ) {
    super();
  }
}
