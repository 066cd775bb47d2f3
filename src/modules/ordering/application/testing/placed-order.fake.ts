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
import { InMemoryOrderRepository } from './in-memory-order.repository.fake';

export const OWNER = 'user-1';
export const PLACED_AT = new Date('2025-03-10T12:00:00.000Z');

/** The other contexts' doubles, seeded by the fixture. */
export type SeedableStock = ProductStock & {
  seed(product: { id: string; name: string; price: number; stock: number }): void;
};
export type SeedableWallet = WalletPayments & {
  seed(userId: string, state: { balance: number; points: number }): void;
};
export type SeedableCoupons = CouponRedemptions & {
  seed(coupon: { id: string; userId: string; discountValue: number }): void;
};

/** The other contexts' doubles (a test file builds them: test doubles may not import other contexts' doubles). */
export type OrderDoubles<Stock, Wallet, Coupons> = (unitOfWork: ImmediateUnitOfWork) => {
  stock: Stock;
  wallet: Wallet;
  coupons: Coupons;
};

/**
 * The fakes of the ordering context around one order placed the real way at
 * PLACED_AT: Mug 12,000 × 2 and Tea 3,500 × 3 (subtotal 34,500), a 5,000
 * coupon and 1,000 points (by default): 28,500 paid, 285 points earned. The
 * wallet holds 71,500 and 1,285 points afterwards; no attribution is left over.
 */
export async function placedOrder<
  Stock extends SeedableStock,
  Wallet extends SeedableWallet,
  Coupons extends SeedableCoupons,
>(doubles: OrderDoubles<Stock, Wallet, Coupons>, { pointsToUse = 1_000 } = {}) {
  const unitOfWork = new ImmediateUnitOfWork();
  const { stock, wallet, coupons } = doubles(unitOfWork);
  const orders = new InMemoryOrderRepository(unitOfWork);
  const outbox = new RecordingEventOutbox(unitOfWork);
  const clock = new FixedClock(PLACED_AT);
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
  // Only what the handler under test attributes counts (the wallet attributes its payment too).
  unitOfWork.attributions.length = 0;
  return { unitOfWork, stock, wallet, coupons, orders, outbox, clock, orderId };
}
