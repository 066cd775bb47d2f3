import { SequentialIdGenerator } from '../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ApproveReturnHandler } from '../commands/approve-return/approve-return.handler';
import { RequestReturnHandler } from '../commands/request-return/request-return.handler';
import { ReturnPolicy } from '../services/return-policy';
import { deliveredOrder } from './delivered-order.fake';
import { OrderDoubles, SeedableCoupons, SeedableStock, SeedableWallet } from './placed-order.fake';

/**
 * The delivered order of deliveredOrder over the spec's doubles, with the
 * handlers that request returns (a 14-day window) and approve them, as the
 * returns handler specs use them.
 */
export async function returnsDesk<
  Stock extends SeedableStock,
  Wallet extends SeedableWallet,
  Coupons extends SeedableCoupons,
>(doubles: OrderDoubles<Stock, Wallet, Coupons>, options: { pointsToUse?: number } = {}) {
  const world = await deliveredOrder(doubles, options);
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
