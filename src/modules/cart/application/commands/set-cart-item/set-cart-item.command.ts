import { Command } from '@nestjs/cqrs';

/** PUT /cart/items/:productId: sets the quantity of a product in the user's cart. */
export class SetCartItemCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly productId: string,
    readonly quantity: number,
  ) {
    super();
  }
}
