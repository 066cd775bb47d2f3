import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../../shared/kernel/testing/recording-event-outbox.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { OrderPlaced } from '../../events/order-placed.integration-event';
import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryOrderRepository } from '../../testing/in-memory-order.repository.fake';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { OrderPlacement } from '../../services/order-placement.service';
import { PlaceOrderCommand } from './place-order.command';
import { HOME, InMemoryAddressBook } from '../../testing/in-memory-address-book.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ShippingAddressResolver } from '../../services/shipping-address-resolver.service';
import { PlaceOrderHandler } from './place-order.handler';

const NOW = new Date('2025-03-10T12:00:00.000Z');
const USER = 'user-1';
const HOME_ID = { addressId: 'addr-1' };

describe(PlaceOrderHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let stock: InMemoryProductStock;
  let wallet: InMemoryWalletPayments;
  let coupons: InMemoryCouponRedemptions;
  let orders: InMemoryOrderRepository;
  let outbox: RecordingEventOutbox;
  let addresses: InMemoryAddressBook;
  let sut: PlaceOrderHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    stock = new InMemoryProductStock(unitOfWork);
    wallet = new InMemoryWalletPayments(unitOfWork);
    coupons = new InMemoryCouponRedemptions(unitOfWork);
    orders = new InMemoryOrderRepository(unitOfWork);
    outbox = new RecordingEventOutbox(unitOfWork);
    const placement = new OrderPlacement(
      stock,
      coupons,
      wallet,
      orders,
      outbox,
      new SequentialIdGenerator('order'),
      new FixedClock(NOW),
    );
    addresses = new InMemoryAddressBook();
    addresses.put(USER, 'addr-1');
    sut = new PlaceOrderHandler(placement, new ShippingAddressResolver(addresses), unitOfWork);

    stock.seed({ id: 'p-1', name: 'Mug', price: 12_000, stock: 5 });
    stock.seed({ id: 'p-2', name: 'Tea', price: 3_500, stock: 10 });
    stock.seed({ id: 'p-3', name: 'Lamp', price: 50_000, stock: 3, status: 'HIDDEN' });
    stock.seed({ id: 'p-4', name: 'Pen', price: 1_999, stock: 100 });
    wallet.seed(USER, { balance: 100_000, points: 2_000 });
    coupons.seed({ id: 'uc-fixed', userId: USER, discountValue: 5_000 });
  });

  /** Everything the handler may change, to compare before and after a failure. */
  function state() {
    return {
      stock: stock.stockLevels(),
      wallet: wallet.walletOf(USER),
      ledger: [...wallet.ledger],
      coupon: coupons.couponOf('uc-fixed'),
      orders: [...orders.all()],
      events: [...outbox.events],
    };
  }

  /** Mug x2 + Tea x3 = 34,500. */
  const basket = [
    { productId: 'p-1', quantity: 2 },
    { productId: 'p-2', quantity: 3 },
  ];

  it('takes stock, uses the coupon and points, pays, stores the order and appends OrderPlaced', async () => {
    const result = await sut.execute(
      new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 1_000),
    );

    expect(result).toEqual({
      id: 'order-1',
      status: 'PAID',
      items: [
        { productId: 'p-1', name: 'Mug', unitPrice: 12_000, quantity: 2, lineTotal: 24_000 },
        { productId: 'p-2', name: 'Tea', unitPrice: 3_500, quantity: 3, lineTotal: 10_500 },
      ],
      subtotal: 34_500,
      discount: 5_000,
      pointsUsed: 1_000,
      paidAmount: 28_500,
      pointsEarned: 285,
      userCouponId: 'uc-fixed',
      shippingAddress: HOME,
      createdAt: NOW.toISOString(),
      cancelledAt: null,
      fulfillment: { status: 'READY' },
    });
    expect(stock.stockOf('p-1')).toBe(3);
    expect(stock.stockOf('p-2')).toBe(7);
    expect(wallet.walletOf(USER)).toEqual({ balance: 71_500, points: 2_000 - 1_000 + 285 });
    expect(wallet.ledger.map((row) => [row.type, row.amount, row.orderId])).toEqual([
      ['POINTS_USED', 1_000, 'order-1'],
      ['PAYMENT', 28_500, 'order-1'],
      ['POINTS_EARNED', 285, 'order-1'],
    ]);
    expect(coupons.couponOf('uc-fixed')).toMatchObject({
      status: 'USED',
      orderId: 'order-1',
      usedAt: NOW,
    });
    expect(orders.stored('order-1')?.paidAmount.won).toBe(28_500);
    const event = outbox.events[0] as OrderPlaced;
    expect(outbox.events).toHaveLength(1);
    expect(event).toBeInstanceOf(OrderPlaced);
    expect(event.payload.lines.map((line) => [line.productId, line.quantity])).toEqual([
      ['p-1', 2],
      ['p-2', 3],
    ]);
  });

  it('does all of it in one committed transaction', async () => {
    await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 1_000));

    expect(unitOfWork.committed).toEqual([1]);
    expect(unitOfWork.rolledBack).toEqual([]);
    expect(stock.calls.map((call) => [call.method, call.transaction])).toEqual([
      ['snapshots', 1],
      ['take', 1],
    ]);
    expect(new Set(wallet.ledger.map((row) => row.transaction))).toEqual(new Set([1]));
    expect(orders.all().map((row) => row.transaction)).toEqual([1]);
    expect(outbox.appended.map((row) => row.transaction)).toEqual([1]);
  });

  it('charges the current price of each product', async () => {
    stock.reprice('p-2', 4_000);

    const result = await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket));

    expect(result.subtotal).toBe(24_000 + 12_000);
    expect(result.paidAmount).toBe(36_000);
    expect(wallet.walletOf(USER).balance).toBe(64_000);
  });

  describe('on failure nothing changes', () => {
    it('INSUFFICIENT_STOCK on the second line', async () => {
      const before = state();

      await expect(
        sut.execute(
          new PlaceOrderCommand(
            USER,
            HOME_ID,
            [
              { productId: 'p-1', quantity: 2 },
              { productId: 'p-2', quantity: 11 },
            ],
            'uc-fixed',
            500,
          ),
        ),
      ).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });

      expect(state()).toEqual(before);
      expect(unitOfWork.rolledBack).toEqual([1]);
      expect(unitOfWork.committed).toEqual([]);
    });

    it('PRODUCT_UNAVAILABLE for a hidden product', async () => {
      const before = state();

      await expect(
        sut.execute(
          new PlaceOrderCommand(USER, HOME_ID, [
            { productId: 'p-1', quantity: 1 },
            { productId: 'p-3', quantity: 1 },
          ]),
        ),
      ).rejects.toMatchObject({ code: 'PRODUCT_UNAVAILABLE' });

      expect(state()).toEqual(before);
    });

    it('PRODUCT_UNAVAILABLE for an unknown product', async () => {
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, [{ productId: 'p-404', quantity: 1 }])),
      ).rejects.toMatchObject({ code: 'PRODUCT_UNAVAILABLE' });

      expect(state()).toEqual(before);
    });

    it('INSUFFICIENT_BALANCE after the points were taken and the coupon used', async () => {
      wallet.seed(USER, { balance: 28_499, points: 2_000 });
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 1_000)),
      ).rejects.toMatchObject({ code: 'INSUFFICIENT_BALANCE' });

      expect(state()).toEqual(before);
      expect(wallet.walletOf(USER)).toEqual({ balance: 28_499, points: 2_000 });
      expect(coupons.couponOf('uc-fixed').status).toBe('AVAILABLE');
    });

    it('INSUFFICIENT_POINTS', async () => {
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 2_001)),
      ).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });

      expect(state()).toEqual(before);
    });

    it.each([
      ['used', { status: 'USED' as const, orderId: 'order-0' }],
      ['of another user', { userId: 'user-2' }],
      ['expired', { validUntil: new Date('2025-03-10T11:59:59.999Z') }],
      ['not yet valid', { validFrom: new Date('2025-03-10T12:00:00.001Z') }],
    ])('COUPON_NOT_USABLE for a coupon %s', async (_case, overrides) => {
      coupons.seed({ id: 'uc-bad', userId: USER, discountValue: 1_000, ...overrides });
      const coupon = coupons.couponOf('uc-bad');
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-bad', 1_000)),
      ).rejects.toMatchObject({ code: 'COUPON_NOT_USABLE' });

      expect(state()).toEqual(before);
      expect(coupons.couponOf('uc-bad')).toEqual(coupon);
    });

    it('COUPON_NOT_USABLE for an unknown coupon', async () => {
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-404')),
      ).rejects.toMatchObject({ code: 'COUPON_NOT_USABLE' });

      expect(state()).toEqual(before);
    });

    it('NOT_FOUND for an address of another member, before any port is called', async () => {
      addresses.put('user-2', 'addr-2');
      const before = state();
      await expect(
        sut.execute(new PlaceOrderCommand(USER, { addressId: 'addr-2' }, basket)),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(state()).toEqual(before);
      expect(unitOfWork.committed).toEqual([]);
      expect(unitOfWork.rolledBack).toEqual([]);
    });

    it('an outbox that throws', async () => {
      jest.spyOn(outbox, 'append').mockRejectedValueOnce(new Error('outbox down'));
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 1_000)),
      ).rejects.toThrow('outbox down');

      expect(state()).toEqual(before);
      expect(orders.all()).toEqual([]);
    });

    it('pointsToUse above what is left to pay → ValidationError on pointsToUse', async () => {
      wallet.seed(USER, { balance: 100_000, points: 50_000 });
      const before = state();

      const error = await sut
        .execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 29_501))
        .catch((e: unknown) => e);

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['pointsToUse']);
      expect(state()).toEqual(before);
    });

    it('invalid items → ValidationError before any port is called', async () => {
      const before = state();

      await expect(
        sut.execute(new PlaceOrderCommand(USER, HOME_ID, [{ productId: 'p-1', quantity: 0 }])),
      ).rejects.toBeInstanceOf(ValidationError);

      expect(stock.calls).toEqual([]);
      expect(state()).toEqual(before);
    });
  });

  it('accepts pointsToUse equal to what is left to pay: nothing is paid from the balance', async () => {
    wallet.seed(USER, { balance: 0, points: 40_000 });

    const result = await sut.execute(
      new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-fixed', 29_500),
    );

    expect(result.paidAmount).toBe(0);
    expect(result.pointsEarned).toBe(0);
    expect(wallet.walletOf(USER)).toEqual({ balance: 0, points: 10_500 });
    expect(wallet.ledger.map((row) => row.type)).toEqual(['POINTS_USED']);
  });

  describe('coupons', () => {
    it('below minOrderAmount: no discount, the coupon stays AVAILABLE and is not linked', async () => {
      coupons.seed({ id: 'uc-min', userId: USER, discountValue: 5_000, minOrderAmount: 34_501 });

      const result = await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-min'));

      expect(result.discount).toBe(0);
      expect(result.paidAmount).toBe(34_500);
      expect(result.userCouponId).toBeNull();
      expect(coupons.couponOf('uc-min')).toMatchObject({ status: 'AVAILABLE', orderId: null });
    });

    it('at exactly minOrderAmount the coupon applies', async () => {
      coupons.seed({ id: 'uc-min', userId: USER, discountValue: 5_000, minOrderAmount: 34_500 });

      const result = await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-min'));

      expect(result.discount).toBe(5_000);
      expect(coupons.couponOf('uc-min').status).toBe('USED');
    });

    it('PERCENT rounds the discount down', async () => {
      coupons.seed({ id: 'uc-pct', userId: USER, discountType: 'PERCENT', discountValue: 15 });

      // 2 x 1,999 = 3,998; 15% = 599.7
      const result = await sut.execute(
        new PlaceOrderCommand(USER, HOME_ID, [{ productId: 'p-4', quantity: 2 }], 'uc-pct'),
      );

      expect(result.discount).toBe(599);
      expect(result.paidAmount).toBe(3_399);
      expect(result.pointsEarned).toBe(33);
      expect(wallet.walletOf(USER).balance).toBe(100_000 - 3_399);
    });

    it('PERCENT is capped by maxDiscount', async () => {
      coupons.seed({
        id: 'uc-pct',
        userId: USER,
        discountType: 'PERCENT',
        discountValue: 50,
        maxDiscount: 10_000,
      });

      const result = await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-pct'));

      expect(result.discount).toBe(10_000);
      expect(result.paidAmount).toBe(24_500);
    });

    it('a FIXED coupon worth more than the order makes it free', async () => {
      coupons.seed({ id: 'uc-big', userId: USER, discountValue: 50_000 });

      const result = await sut.execute(new PlaceOrderCommand(USER, HOME_ID, basket, 'uc-big'));

      expect(result.discount).toBe(34_500);
      expect(result.paidAmount).toBe(0);
      expect(wallet.walletOf(USER)).toEqual({ balance: 100_000, points: 2_000 });
    });
  });
});
