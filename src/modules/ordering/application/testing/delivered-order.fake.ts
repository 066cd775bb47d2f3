import { ProductStock } from '../../../catalog/application/ports/product-stock.port';
import { CouponRedemptions } from '../../../coupons/application/ports/coupon-redemptions.port';
import { WalletPayments } from '../../../wallet/application/ports/wallet-payments.port';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';
import { FixedClock } from '../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { RecordingEventOutbox } from '../../../../shared/kernel/testing/recording-event-outbox.fake';
import { SequentialIdGenerator } from '../../../../shared/kernel/testing/sequential-id-generator.fake';
import { OrderPlacement } from '../services/order-placement.service';
import { HOME } from './in-memory-address-book.fake';
import { InMemoryOrderReturnRepository } from './in-memory-order-return.repository.fake';
import { InMemoryOrderRepository } from './in-memory-order.repository.fake';

export const OWNER = 'user-1';
export const DELIVERED_AT = new Date('2025-03-12T10:00:00.000Z');

/**
 * The fakes of the ordering context around one order placed the real way and
 * delivered at DELIVERED_AT: Mug 12,000 × 2 and Tea 3,500 × 3 (subtotal
 * 34,500), a 5,000 coupon and 1,000 points (by default): 28,500 paid, 285
 * points earned. The wallet holds 71,500 and 1,285 points afterwards.
 */
export async function deliveredOrder<
  Stock extends ProductStock & {
    seed(product: { id: string; name: string; price: number; stock: number }): void;
  },
  Wallet extends WalletPayments & {
    seed(userId: string, state: { balance: number; points: number }): void;
  },
  Coupons extends CouponRedemptions & {
    seed(coupon: { id: string; userId: string; discountValue: number }): void;
  },
>(
  /** The other contexts' doubles (a test file builds them: test doubles may not import other contexts' doubles). */
  doubles: (unitOfWork: ImmediateUnitOfWork) => { stock: Stock; wallet: Wallet; coupons: Coupons },
  { pointsToUse = 1_000 } = {},
) {
  const unitOfWork = new ImmediateUnitOfWork();
  const { stock, wallet, coupons } = doubles(unitOfWork);
  const orders = new InMemoryOrderRepository(unitOfWork);
  const returns = new InMemoryOrderReturnRepository(unitOfWork, orders);
  const outbox = new RecordingEventOutbox(unitOfWork);
  const clock = new FixedClock(new Date('2025-03-10T12:00:00.000Z'));
  stock.seed({ id: 'p-1', name: 'Mug', price: 12_000, stock: 5 });
  stock.seed({ id: 'p-2', name: 'Tea', price: 3_500, stock: 10 });
  wallet.seed(OWNER, { balance: 100_000, points: 2_000 });
  coupons.seed({ id: 'uc-1', userId: OWNER, discountValue: 5_000 });
  const placement = new OrderPlacement(
    stock,
    coupons,
    wallet,
    orders,
    outbox,
    new SequentialIdGenerator('order'),
    clock,
  );
  const { id: orderId } = await unitOfWork.run(() =>
    placement.place({
      userId: OWNER,
      items: [
        { productId: 'p-1', quantity: 2 },
        { productId: 'p-2', quantity: 3 },
      ],
      userCouponId: 'uc-1',
      pointsToUse,
      shippingAddress: PostalAddress.create(HOME),
    }),
  );
  await unitOfWork.run(async () => {
    const order = (await orders.findForUpdate(orderId))!;
    order.ship({ carrier: 'CJ', trackingNumber: 'T-1' }, clock.now());
    order.deliver(DELIVERED_AT);
    await orders.saveStatus(order);
  });
  unitOfWork.attributions.length = 0;
  clock.set(DELIVERED_AT);
  return { unitOfWork, stock, wallet, orders, returns, outbox, clock, orderId };
}
