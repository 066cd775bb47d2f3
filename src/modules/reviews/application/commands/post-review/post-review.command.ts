import { Command } from '@nestjs/cqrs';
import { ReviewView } from '../../queries/list-reviews/review.view';

export class PostReviewCommand extends Command<ReviewView> {
  constructor(
    readonly userId: string,
    readonly productId: string,
    readonly orderId: string,
    readonly rating: number,
    readonly text: string,
  ) {
    super();
  }
}
