import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { InMemoryShipmentRepository } from '../../testing/in-memory-shipment.repository.fake';
import { CreateShipmentCommand } from '../create-shipment/create-shipment.command';
import { CreateShipmentHandler } from '../create-shipment/create-shipment.handler';
import { CancelShipmentCommand } from './cancel-shipment.command';
import { CancelShipmentHandler } from './cancel-shipment.handler';

const NOW = new Date('2025-03-11T09:00:00.000Z');

describe(CancelShipmentHandler.name, () => {
  let shipments: InMemoryShipmentRepository;
  let create: CreateShipmentHandler;
  let sut: CancelShipmentHandler;

  beforeEach(() => {
    const unitOfWork = new ImmediateUnitOfWork();
    const ids = new SequentialIdGenerator('s');
    const clock = new FixedClock(NOW);
    shipments = new InMemoryShipmentRepository(unitOfWork);
    create = new CreateShipmentHandler(shipments, unitOfWork, ids, clock);
    sut = new CancelShipmentHandler(shipments, unitOfWork, ids, clock);
  });

  it('creates one shipment per order however often the event comes', async () => {
    expect(await create.execute(new CreateShipmentCommand('o-1', 'u-1'))).toBe(true);
    expect(await create.execute(new CreateShipmentCommand('o-1', 'u-1'))).toBe(false);
    expect(shipments.all()).toEqual([expect.objectContaining({ orderId: 'o-1', status: 'READY' })]);
  });

  it('cancels the READY shipment of a cancelled order', async () => {
    await create.execute(new CreateShipmentCommand('o-1', 'u-1'));
    await sut.execute(new CancelShipmentCommand('o-1', 'u-1'));
    expect(shipments.all()).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
  });

  it('when the cancellation comes first, the later creation leaves it CANCELLED', async () => {
    await sut.execute(new CancelShipmentCommand('o-1', 'u-1'));
    expect(await create.execute(new CreateShipmentCommand('o-1', 'u-1'))).toBe(false);
    expect(shipments.all()).toEqual([
      expect.objectContaining({ orderId: 'o-1', status: 'CANCELLED' }),
    ]);
  });
});
