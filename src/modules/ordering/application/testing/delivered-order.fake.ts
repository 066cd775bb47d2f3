import { InMemoryOrderReturnRepository } from './in-memory-order-return.repository.fake';
import {
  OrderDoubles,
  OWNER,
  placedOrder,
  SeedableCoupons,
  SeedableStock,
  SeedableWallet,
} from './placed-order.fake';

export { OWNER };
export const DELIVERED_AT = new Date('2025-03-12T10:00:00.000Z');

/**
 * The order of placedOrder (PLACED_AT, 28,500 paid, 285 points earned; the
 * wallet then holds 71,500 and 1,285 points), shipped and delivered at
 * DELIVERED_AT, with a returns repository; the clock stands at DELIVERED_AT.
 */
export async function deliveredOrder<
  Stock extends SeedableStock,
  Wallet extends SeedableWallet,
  Coupons extends SeedableCoupons,
>(doubles: OrderDoubles<Stock, Wallet, Coupons>, options: { pointsToUse?: number } = {}) {
  const { unitOfWork, stock, wallet, orders, outbox, clock, orderId } = await placedOrder(
    doubles,
    options,
  );
  const returns = new InMemoryOrderReturnRepository(unitOfWork, orders);
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
