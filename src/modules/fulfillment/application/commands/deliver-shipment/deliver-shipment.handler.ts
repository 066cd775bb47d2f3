import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { EventOutbox } from '../../../../../shared/kernel/event-outbox.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { OrderProgress } from '../../../../ordering/application/ports/order-progress.port';
import { ShipmentRepository } from '../../ports/shipment.repository.port';
import { ShipmentMove } from '../../services/shipment-move';
import { toShipmentView } from '../../services/shipment-view.mapper';
import { DeliverShipmentCommand } from './deliver-shipment.command';

/** POST /admin/shipments/:id/deliver: shipment and order move to DELIVERED together; again: unchanged. */
@CommandHandler(DeliverShipmentCommand)
export class DeliverShipmentHandler implements ICommandHandler<
  DeliverShipmentCommand,
  ShipmentMove
> {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly orders: OrderProgress,
    private readonly outbox: EventOutbox,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(command: DeliverShipmentCommand): Promise<ShipmentMove> {
    return this.unitOfWork.run(async () => {
      const shipment = await this.shipments.findForUpdate(command.shipmentId);
      if (!shipment) throw new NotFoundError('Shipment', command.shipmentId);
      const now = this.clock.now();
      const moved = shipment.deliver(now);
      if (moved) {
        await this.orders.delivered(shipment.orderId, now);
        await this.shipments.save(shipment);
        await this.outbox.append(shipment.pullEvents());
      }
      return { shipment: toShipmentView(shipment), moved };
    });
  }
}
