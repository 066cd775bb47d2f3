import { Command } from '@nestjs/cqrs';
import { SalesCount } from '../../ports/order.read-model.port';

/** Worker: applies an order event to the sales ranking (negative quantities for cancellations). */
export class RecordSalesCommand extends Command<void> {
  constructor(
    readonly eventId: string,
    /** When the order was placed: the day whose counts change. */
    readonly placedAt: Date,
    readonly changes: readonly SalesCount[],
  ) {
    super();
  }
}
