import { DomainError } from '../../../../../shared/kernel/domain-error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../../shared/kernel/testing/recording-event-outbox.fake';
import { Shipment } from '../../../domain/shipment.aggregate';
import { ShipmentShipped } from '../../events/shipment-shipped.integration-event';
import { InMemoryShipmentRepository } from '../../testing/in-memory-shipment.repository.fake';
import { RecordingOrderProgress } from '../../testing/recording-order-progress.fake';
import { ShipShipmentCommand } from './ship-shipment.command';
import { ShipShipmentHandler } from './ship-shipment.handler';

const NOW = new Date('2025-03-11T09:00:00.000Z');

class OrderCancelledMeanwhile extends DomainError {
  readonly code = 'SHIPMENT_NOT_SHIPPABLE';
}

describe(ShipShipmentHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let shipments: InMemoryShipmentRepository;
  let orders: RecordingOrderProgress;
  let outbox: RecordingEventOutbox;
  let sut: ShipShipmentHandler;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    shipments = new InMemoryShipmentRepository(unitOfWork);
    orders = new RecordingOrderProgress();
    outbox = new RecordingEventOutbox(unitOfWork);
    sut = new ShipShipmentHandler(shipments, orders, outbox, unitOfWork, new FixedClock(NOW));
    await unitOfWork.run(() =>
      shipments.addIfAbsent(
        Shipment.create({ id: 's-1', orderId: 'o-1', userId: 'u-1', now: NOW }),
      ),
    );
  });

  it('ships the shipment and its order together and appends ShipmentShipped, in one transaction', async () => {
    const result = await sut.execute(new ShipShipmentCommand('s-1', ' CJ ', 'TRK-1'));
    expect(result).toEqual({
      moved: true,
      shipment: expect.objectContaining({
        status: 'SHIPPED',
        carrier: 'CJ',
        trackingNumber: 'TRK-1',
      }),
    });
    expect(orders.moves).toEqual([
      { orderId: 'o-1', move: 'shipped', parcel: { carrier: 'CJ', trackingNumber: 'TRK-1' } },
    ]);
    expect(outbox.appended.map((a) => a.event)).toEqual([expect.any(ShipmentShipped)]);
  });

  it('answers a repeat unchanged: no order move, no event', async () => {
    await sut.execute(new ShipShipmentCommand('s-1', 'CJ', 'TRK-1'));
    const again = await sut.execute(new ShipShipmentCommand('s-1', 'CJ', 'TRK-1'));
    expect(again.moved).toBe(false);
    expect(orders.moves).toHaveLength(1);
    expect(outbox.appended).toHaveLength(1);
  });

  it('leaves the shipment READY and appends nothing when the order refuses (cancelled)', async () => {
    orders.refuse = new OrderCancelledMeanwhile('cancelled');
    await expect(sut.execute(new ShipShipmentCommand('s-1', 'CJ', 'TRK-1'))).rejects.toMatchObject({
      code: 'SHIPMENT_NOT_SHIPPABLE',
    });
    expect(shipments.all()[0]!.status).toBe('READY');
    expect(outbox.appended).toEqual([]);
  });

  it('checks the parcel before any work, and answers NOT_FOUND for an unknown shipment', async () => {
    await expect(sut.execute(new ShipShipmentCommand('s-1', ' ', 'TRK-1'))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(sut.execute(new ShipShipmentCommand('s-9', 'CJ', 'TRK-1'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
