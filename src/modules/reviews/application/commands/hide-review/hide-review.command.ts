import { Command } from '@nestjs/cqrs';
import { ReviewChange } from '../../services/review-change';

export class HideReviewCommand extends Command<ReviewChange> {
  constructor(
    readonly adminId: string,
    readonly reviewId: string,
  ) {
    super();
  }
}
