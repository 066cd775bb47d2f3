import { Command } from '@nestjs/cqrs';

/** DELETE /cart/items/:productId: takes a product out of the user's cart (absent is fine). */
export class RemoveCartItemCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly productId: string,
  ) {
    super();
  }
}
