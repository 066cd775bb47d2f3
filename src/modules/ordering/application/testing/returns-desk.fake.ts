import { InMemoryProductStock } from '../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryCouponRedemptions } from '../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryWalletPayments } from '../../../wallet/application/testing/in-memory-wallet-payments';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ApproveReturnHandler } from '../commands/approve-return/approve-return.handler';
import { RequestReturnHandler } from '../commands/request-return/request-return.handler';
import { ReturnPolicy } from '../services/return-policy';
import { deliveredOrder } from './delivered-order.fake';

const inMemoryDoubles = (unitOfWork: ImmediateUnitOfWork) => ({
  stock: new InMemoryProductStock(unitOfWork),
  wallet: new InMemoryWalletPayments(unitOfWork),
  coupons: new InMemoryCouponRedemptions(unitOfWork),
});

/**
 * The delivered order of deliveredOrder over the catalog's, wallet's and
 * coupons' in-memory doubles, with the handlers that request returns (a
 * 14-day window) and approve them, as the returns handler specs use them.
 */
export async function returnsDesk(options: { pointsToUse?: number } = {}) {
  const world = await deliveredOrder(inMemoryDoubles, options);
  const requests = new RequestReturnHandler(
    world.orders,
    world.returns,
    new ReturnPolicy(14),
    world.unitOfWork,
    new SequentialIdGenerator('return'),
    world.clock,
  );
  const approvals = new ApproveReturnHandler(
    world.returns,
    world.orders,
    world.wallet,
    world.stock,
    world.outbox,
    world.unitOfWork,
    world.clock,
  );
  return { ...world, requests, approvals };
}

export type ReturnsDesk = Awaited<ReturnType<typeof returnsDesk>>;
