import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Shipment } from '../../../domain/shipment.aggregate';
import { ShipmentRepository } from '../../ports/shipment.repository.port';
import { CancelShipmentCommand } from './cancel-shipment.command';

/**
 * Cancels a cancelled order's READY shipment (worker). Events of one order
 * may be consumed out of order: when the cancellation comes first, the
 * shipment is created CANCELLED, and the later creation inserts nothing.
 */
@CommandHandler(CancelShipmentCommand)
export class CancelShipmentHandler implements ICommandHandler<CancelShipmentCommand, void> {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: CancelShipmentCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const existing = await this.shipments.findByOrderForUpdate(command.orderId);
      if (existing) {
        if (existing.cancel(now)) await this.shipments.save(existing);
        return;
      }
      const shipment = Shipment.create({
        id: this.ids.next(),
        orderId: command.orderId,
        userId: command.userId,
        now,
      });
      shipment.cancel(now);
      // Lost a race with the creation: cancel the row that won.
      if (!(await this.shipments.addIfAbsent(shipment))) {
        const created = await this.shipments.findByOrderForUpdate(command.orderId);
        if (created?.cancel(now)) await this.shipments.save(created);
      }
    });
  }
}
