import { Money } from '../../../../shared/kernel/money';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Order } from '../../domain/order.aggregate';
import { InMemoryOrderRepository } from '../testing/in-memory-order.repository.fake';
import { OrderProgressService } from './order-progress.service';

const T0 = new Date('2025-03-10T12:00:00.000Z');
const T1 = new Date('2025-03-11T09:00:00.000Z');
const T2 = new Date('2025-03-12T15:00:00.000Z');
const PARCEL = { carrier: 'CJ', trackingNumber: 'TRK-1' };

describe(OrderProgressService.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let orders: InMemoryOrderRepository;
  let sut: OrderProgressService;

  const stored = async () => (await unitOfWork.run(() => orders.findForUpdate('o-1')))!;

  beforeEach(async () => {
    unitOfWork = new ImmediateUnitOfWork();
    orders = new InMemoryOrderRepository(unitOfWork);
    sut = new OrderProgressService(orders, unitOfWork);
    const order = Order.place({
      id: 'o-1',
      userId: 'u-1',
      lines: [{ productId: 'p-1', name: 'Mug', unitPrice: Money.won(1_000), quantity: 1 }],
      discount: Money.won(0),
      pointsToUse: 0,
      userCouponId: null,
      shippingAddress: PostalAddress.create({
        recipient: 'Kim',
        phone: '+821012345678',
        postalCode: '04524',
        line1: 'Seoul',
      }),
      now: T0,
    });
    await unitOfWork.run(() => orders.add(order));
  });

  it('moves PAID → SHIPPED → DELIVERED and stores the parcel and times', async () => {
    await sut.shipped('o-1', PARCEL, T1);
    expect(await stored()).toMatchObject({
      status: 'SHIPPED',
      shipping: { ...PARCEL, shippedAt: T1, deliveredAt: null },
    });
    await sut.delivered('o-1', T2);
    expect(await stored()).toMatchObject({ status: 'DELIVERED', shipping: { deliveredAt: T2 } });
    expect(unitOfWork.attributions.map((a) => a.userId)).toContain('u-1');
  });

  it('refuses to ship a cancelled order and to deliver an unshipped one (SHIPMENT_NOT_SHIPPABLE)', async () => {
    await expect(sut.delivered('o-1', T1)).rejects.toMatchObject({
      code: 'SHIPMENT_NOT_SHIPPABLE',
    });
    await unitOfWork.run(async () => {
      const order = (await orders.findForUpdate('o-1'))!;
      order.cancel(T1);
      await orders.saveStatus(order);
    });
    await expect(sut.shipped('o-1', PARCEL, T2)).rejects.toMatchObject({
      code: 'SHIPMENT_NOT_SHIPPABLE',
    });
    expect((await stored()).status).toBe('CANCELLED');
  });

  it('a shipped order is no longer cancellable', async () => {
    await sut.shipped('o-1', PARCEL, T1);
    const order = await stored();
    expect(() => order.cancel(T2)).toThrow(
      expect.objectContaining({ code: 'ORDER_NOT_CANCELLABLE' }),
    );
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    await expect(sut.shipped('o-9', PARCEL, T1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
