import { Command } from '@nestjs/cqrs';
import { ShipmentMove } from '../../services/shipment-move';

export class DeliverShipmentCommand extends Command<ShipmentMove> {
  constructor(readonly shipmentId: string) {
    super();
  }
}
