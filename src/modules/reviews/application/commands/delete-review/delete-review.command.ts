import { Command } from '@nestjs/cqrs';

export class DeleteReviewCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly reviewId: string,
  ) {
    super();
  }
}
