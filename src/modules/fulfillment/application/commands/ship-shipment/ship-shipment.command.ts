import { Command } from '@nestjs/cqrs';
import { ShipmentMove } from '../../services/shipment-move';

export class ShipShipmentCommand extends Command<ShipmentMove> {
  constructor(
    readonly shipmentId: string,
    readonly carrier: string,
    readonly trackingNumber: string,
  ) {
    super();
  }
}
