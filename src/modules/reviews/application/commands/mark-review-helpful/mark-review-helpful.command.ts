import { Command } from '@nestjs/cqrs';
import { ReviewChange } from '../../services/review-change';

export class MarkReviewHelpfulCommand extends Command<ReviewChange> {
  constructor(
    readonly userId: string,
    readonly reviewId: string,
  ) {
    super();
  }
}
