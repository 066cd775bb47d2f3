import { Command } from '@nestjs/cqrs';

/** From `ordering.order-placed.v1`: the order's READY shipment; true when it was created now. */
export class CreateShipmentCommand extends Command<boolean> {
  constructor(
    readonly orderId: string,
    readonly userId: string,
  ) {
    super();
  }
}
