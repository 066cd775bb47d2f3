import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../../shared/kernel/testing/recording-event-outbox.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryCartContents } from '../../testing/in-memory-cart-contents.fake';
import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryOrderRepository } from '../../testing/in-memory-order.repository.fake';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { OrderPlacement } from '../../services/order-placement.service';
import { CheckoutCartCommand } from './checkout-cart.command';
import { InMemoryAddressBook } from '../../testing/in-memory-address-book.fake';
import { ShippingAddressResolver } from '../../services/shipping-address-resolver.service';
import { CheckoutCartHandler } from './checkout-cart.handler';

const USER = 'user-1';
const HOME_ID = { addressId: 'addr-1' };

describe(CheckoutCartHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let cart: InMemoryCartContents;
  let stock: InMemoryProductStock;
  let wallet: InMemoryWalletPayments;
  let coupons: InMemoryCouponRedemptions;
  let orders: InMemoryOrderRepository;
  let outbox: RecordingEventOutbox;
  let sut: CheckoutCartHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    cart = new InMemoryCartContents(unitOfWork);
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
      new FixedClock(new Date('2025-03-10T12:00:00.000Z')),
    );
    const addresses = new InMemoryAddressBook();
    addresses.put(USER, 'addr-1');
    sut = new CheckoutCartHandler(
      cart,
      placement,
      new ShippingAddressResolver(addresses),
      unitOfWork,
    );

    stock.seed({ id: 'p-a', name: 'Apple', price: 1_000, stock: 10 });
    stock.seed({ id: 'p-b', name: 'Bread', price: 2_500, stock: 10 });
    stock.seed({ id: 'p-c', name: 'Cheese', price: 7_000, stock: 1 });
    wallet.seed(USER, { balance: 50_000, points: 500 });
    coupons.seed({ id: 'uc-1', userId: USER, discountValue: 1_000 });
  });

  function state() {
    return {
      cart: cart.linesOf(USER),
      stock: stock.stockLevels(),
      wallet: wallet.walletOf(USER),
      coupon: coupons.couponOf('uc-1'),
      orders: [...orders.all()],
      events: [...outbox.events],
    };
  }

  it('rejects an empty cart with a ValidationError on `cart`, changing nothing', async () => {
    const before = state();

    const error = await sut
      .execute(new CheckoutCartCommand(USER, HOME_ID))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      { field: 'cart', message: 'the cart is empty' },
    ]);
    expect(stock.calls).toEqual([]);
    expect(state()).toEqual(before);
  });

  it("orders the cart's lines (in product-id order) with the coupon and points, then empties the cart", async () => {
    cart.seed(USER, [
      { productId: 'p-b', quantity: 2 },
      { productId: 'p-a', quantity: 3 },
    ]);

    const result = await sut.execute(new CheckoutCartCommand(USER, HOME_ID, 'uc-1', 200));

    expect(result.items.map((item) => [item.productId, item.quantity, item.lineTotal])).toEqual([
      ['p-a', 3, 3_000],
      ['p-b', 2, 5_000],
    ]);
    expect(result.subtotal).toBe(8_000);
    expect(result.discount).toBe(1_000);
    expect(result.pointsUsed).toBe(200);
    expect(result.paidAmount).toBe(6_800);
    expect(stock.stockLevels()).toMatchObject({ 'p-a': 7, 'p-b': 8 });
    expect(wallet.walletOf(USER)).toEqual({ balance: 43_200, points: 500 - 200 + 68 });
    expect(coupons.couponOf('uc-1').status).toBe('USED');
    expect(orders.stored(result.id)?.status).toBe('PAID');
    expect(cart.linesOf(USER)).toEqual([]);
  });

  it('places the order and clears the cart in one committed transaction', async () => {
    cart.seed(USER, [{ productId: 'p-a', quantity: 1 }]);

    await sut.execute(new CheckoutCartCommand(USER, HOME_ID));

    expect(unitOfWork.committed).toEqual([1]);
    expect(orders.all().map((row) => row.transaction)).toEqual([1]);
    expect(outbox.appended.map((row) => row.transaction)).toEqual([1]);
  });

  it('keeps the cart, and everything else, when the order fails', async () => {
    cart.seed(USER, [
      { productId: 'p-a', quantity: 1 },
      { productId: 'p-c', quantity: 2 },
    ]);
    const before = state();

    await expect(
      sut.execute(new CheckoutCartCommand(USER, HOME_ID, 'uc-1', 100)),
    ).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
    });

    expect(state()).toEqual(before);
    expect(cart.linesOf(USER)).toHaveLength(2);
    expect(unitOfWork.rolledBack).toEqual([1]);
  });

  it("leaves other users' carts alone", async () => {
    cart.seed(USER, [{ productId: 'p-a', quantity: 1 }]);
    cart.seed('user-2', [{ productId: 'p-b', quantity: 1 }]);

    await sut.execute(new CheckoutCartCommand(USER, HOME_ID));

    expect(cart.linesOf('user-2')).toEqual([{ productId: 'p-b', quantity: 1 }]);
  });
});
