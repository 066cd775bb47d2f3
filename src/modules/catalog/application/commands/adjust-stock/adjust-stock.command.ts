import { Command } from '@nestjs/cqrs';

export class AdjustStockCommand extends Command<{ stock: number }> {
  constructor(
    readonly productId: string,
    readonly delta: number,
    readonly reason: string,
  ) {
    super();
  }
}
