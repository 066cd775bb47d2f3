import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../../shared/kernel/testing/recording-event-outbox.fake';
import { OrderCancelled } from '../../events/order-cancelled.integration-event';
import { OrderNotCancellableError } from '../../../domain/order-not-cancellable.error';
import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryOrderRepository } from '../../testing/in-memory-order.repository.fake';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { OWNER, PLACED_AT, placedOrder } from '../../testing/placed-order.fake';
import { CancelOrderCommand } from './cancel-order.command';
import { CancelOrderHandler } from './cancel-order.handler';

const CANCELLED_AT = new Date('2025-03-10T13:00:00.000Z');
// The order to cancel, placed the real way: subtotal 34,500, discount 5,000,
// 1,000 points, paid 28,500, earned 285.
const doubles = (unitOfWork: ImmediateUnitOfWork) => ({
  stock: new InMemoryProductStock(unitOfWork),
  wallet: new InMemoryWalletPayments(unitOfWork),
  coupons: new InMemoryCouponRedemptions(unitOfWork),
});

describe(CancelOrderHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let stock: InMemoryProductStock;
  let wallet: InMemoryWalletPayments;
  let coupons: InMemoryCouponRedemptions;
  let orders: InMemoryOrderRepository;
  let outbox: RecordingEventOutbox;
  let clock: FixedClock;
  let orderId: string;
  let sut: CancelOrderHandler;

  beforeEach(async () => {
    ({ unitOfWork, stock, wallet, coupons, orders, outbox, clock, orderId } =
      await placedOrder(doubles));
    sut = new CancelOrderHandler(orders, stock, coupons, wallet, outbox, unitOfWork, clock);
    clock.set(CANCELLED_AT);
  });

  function state() {
    return {
      stock: stock.stockLevels(),
      wallet: wallet.walletOf(OWNER),
      ledger: [...wallet.ledger],
      coupon: coupons.couponOf('uc-1'),
      orders: orders.all().map((row) => row.props),
      events: [...outbox.events],
    };
  }

  it('lets the owner cancel: restock, refund, points used restored and earned revoked, coupon back', async () => {
    expect(wallet.walletOf(OWNER)).toEqual({ balance: 71_500, points: 1_285 });

    const result = await sut.execute(new CancelOrderCommand(orderId, OWNER, false));

    expect(result).toEqual({ status: 'CANCELLED' });
    expect(stock.stockLevels()).toEqual({ 'p-1': 5, 'p-2': 10 });
    expect(wallet.walletOf(OWNER)).toEqual({ balance: 100_000, points: 2_000 });
    expect(wallet.ledger.slice(3).map((row) => [row.type, row.amount, row.orderId])).toEqual([
      ['POINTS_REVOKED', 285, orderId],
      ['POINTS_RESTORED', 1_000, orderId],
      ['REFUND', 28_500, orderId],
    ]);
    expect(coupons.couponOf('uc-1')).toMatchObject({
      status: 'AVAILABLE',
      orderId: null,
      usedAt: null,
    });
    const order = orders.stored(orderId)!;
    expect(order.status).toBe('CANCELLED');
    expect(order.cancelledAt).toEqual(CANCELLED_AT);
  });

  it('appends OrderCancelled and attributes the write to the owner, in one committed transaction', async () => {
    await sut.execute(new CancelOrderCommand(orderId, OWNER, false));

    const [, cancelTransaction] = unitOfWork.committed;
    expect(unitOfWork.committed).toHaveLength(2);
    expect(outbox.appended).toHaveLength(2);
    const { event, transaction } = outbox.appended[1]!;
    expect(transaction).toBe(cancelTransaction);
    expect(event).toBeInstanceOf(OrderCancelled);
    expect((event as OrderCancelled).payload).toEqual({
      orderId,
      userId: OWNER,
      lines: [
        { productId: 'p-1', quantity: 2 },
        { productId: 'p-2', quantity: 3 },
      ],
      refundedAmount: 28_500,
      placedAt: PLACED_AT.toISOString(),
      cancelledAt: CANCELLED_AT.toISOString(),
    });
    // The handler and the wallet's refund both attribute the write: to the owner, in the cancel's transaction.
    expect(new Set(unitOfWork.attributions.map((a) => `${a.userId}@${a.transaction}`))).toEqual(
      new Set([`${OWNER}@${cancelTransaction}`]),
    );
    expect(orders.all().map((row) => row.transaction)).toEqual([cancelTransaction]);
  });

  it("lets an admin cancel another user's order, attributed to the owner", async () => {
    await sut.execute(new CancelOrderCommand(orderId, 'admin-1', true));

    expect(orders.stored(orderId)?.status).toBe('CANCELLED');
    expect(wallet.walletOf(OWNER)).toEqual({ balance: 100_000, points: 2_000 });
    expect(new Set(unitOfWork.attributions.map((a) => a.userId))).toEqual(new Set([OWNER]));
  });

  it('answers NOT_FOUND to another customer and changes nothing', async () => {
    const before = state();

    await expect(
      sut.execute(new CancelOrderCommand(orderId, 'user-2', false)),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(state()).toEqual(before);
    expect(unitOfWork.attributions).toEqual([]);
  });

  it('answers NOT_FOUND for an unknown order, even to an admin', async () => {
    await expect(
      sut.execute(new CancelOrderCommand('order-404', 'admin-1', true)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a second cancellation with ORDER_NOT_CANCELLABLE and changes nothing', async () => {
    await sut.execute(new CancelOrderCommand(orderId, OWNER, false));
    const before = state();

    await expect(sut.execute(new CancelOrderCommand(orderId, OWNER, false))).rejects.toBeInstanceOf(
      OrderNotCancellableError,
    );

    expect(state()).toEqual(before);
  });

  it('refuses with POINTS_ALREADY_SPENT when the earned points are gone, changing nothing', async () => {
    wallet.seed(OWNER, { balance: 71_500, points: 284 });
    const before = state();

    await expect(sut.execute(new CancelOrderCommand(orderId, OWNER, false))).rejects.toMatchObject({
      code: 'POINTS_ALREADY_SPENT',
    });

    expect(state()).toEqual(before);
    expect(orders.stored(orderId)?.status).toBe('PAID');
    expect(coupons.couponOf('uc-1').status).toBe('USED');
  });

  it('rolls everything back when the outbox fails', async () => {
    jest.spyOn(outbox, 'append').mockRejectedValueOnce(new Error('outbox down'));
    const before = state();

    await expect(sut.execute(new CancelOrderCommand(orderId, OWNER, false))).rejects.toThrow(
      'outbox down',
    );

    expect(state()).toEqual(before);
  });

  it('marks the coupon EXPIRED when its validity ended before the cancellation', async () => {
    clock.set(new Date('2026-01-01T00:00:00.000Z'));

    await sut.execute(new CancelOrderCommand(orderId, OWNER, false));

    expect(coupons.couponOf('uc-1').status).toBe('EXPIRED');
  });

  it('restocks a product hidden since the sale', async () => {
    stock.hide('p-1');

    await sut.execute(new CancelOrderCommand(orderId, OWNER, false));

    expect(stock.stockOf('p-1')).toBe(5);
  });
});
