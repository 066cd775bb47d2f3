import { Command } from '@nestjs/cqrs';

/** DELETE /products/:id: the product becomes HIDDEN; past orders keep it. */
export class HideProductCommand extends Command<void> {
  constructor(readonly productId: string) {
    super();
  }
}
