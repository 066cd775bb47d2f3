import { Command } from '@nestjs/cqrs';

/** DELETE /cart: empties the user's cart. */
export class ClearCartCommand extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}
