import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderProgress } from '../../../../ordering/application/ports/order-progress.port';
import { parcelOf } from '../../../domain/parcel';
import { ShipmentRepository } from '../../ports/shipment.repository.port';
import { ShipmentMove } from '../../services/shipment-move';
import { toShipmentView } from '../../services/shipment-view.mapper';
import { ShipShipmentCommand } from './ship-shipment.command';

/**
 * POST /admin/shipments/:id/ship, in one transaction: the shipment row is
 * locked, then the order row (OrderProgress), which a cancel locks too, so a
 * ship racing a cancel ends with exactly one of them. Shipping again with the
 * same parcel answers the shipment unchanged and records nothing.
 */
@CommandHandler(ShipShipmentCommand)
export class ShipShipmentHandler implements ICommandHandler<ShipShipmentCommand, ShipmentMove> {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly orders: OrderProgress,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ShipShipmentCommand): Promise<ShipmentMove> {
    const parcel = parcelOf({ carrier: command.carrier, trackingNumber: command.trackingNumber });
    return this.unitOfWork.run(async () => {
      const shipment = await this.shipments.findForUpdate(command.shipmentId);
      if (!shipment) throw new NotFoundError('Shipment', command.shipmentId);
      const now = this.clock.now();
      const moved = shipment.ship(parcel, now);
      if (moved) {
        await this.orders.shipped(shipment.orderId, parcel, now);
        await this.shipments.save(shipment);
        await this.outbox.append(shipment.pullEvents());
      }
      return { shipment: toShipmentView(shipment), moved };
    });
  }
}
