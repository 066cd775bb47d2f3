import { Command } from '@nestjs/cqrs';

/** From `ordering.order-cancelled.v1`: the order's shipment leaves the work list. */
export class CancelShipmentCommand extends Command<void> {
  constructor(
    readonly orderId: string,
    readonly userId: string,
  ) {
    super();
  }
}
