import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Shipment } from '../../../domain/shipment.aggregate';
import { ShipmentRepository } from '../../ports/shipment.repository.port';
import { CreateShipmentCommand } from './create-shipment.command';

/**
 * Creates the READY shipment of a placed order (worker). An order has at most
 * one shipment (unique order id): a job that runs twice, or one that comes
 * after the order's cancellation already made a CANCELLED shipment, inserts nothing.
 */
@CommandHandler(CreateShipmentCommand)
export class CreateShipmentHandler implements ICommandHandler<CreateShipmentCommand, boolean> {
  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  execute(command: CreateShipmentCommand): Promise<boolean> {
    return this.unitOfWork.run(() =>
      this.shipments.addIfAbsent(
        Shipment.create({
          id: this.ids.next(),
          orderId: command.orderId,
          userId: command.userId,
          now: this.clock.now(),
        }),
      ),
    );
  }
}
