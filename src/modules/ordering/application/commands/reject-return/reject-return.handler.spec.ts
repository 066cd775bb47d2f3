import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ReturnAlreadyDecidedError } from '../../../domain/return-already-decided.error';
import { ReturnNotAllowedError } from '../../../domain/return-not-allowed.error';
import { ReturnApproved } from '../../events/return-approved.integration-event';
import { ReturnRejected } from '../../events/return-rejected.integration-event';
import { DELIVERED_AT, OWNER } from '../../testing/delivered-order.fake';
import { returnsDesk } from '../../testing/returns-desk.fake';
import { ApproveReturnCommand } from '../approve-return/approve-return.command';
import { ApproveReturnHandler } from '../approve-return/approve-return.handler';
import { RequestReturnCommand } from '../request-return/request-return.command';
import { RequestReturnHandler } from '../request-return/request-return.handler';
import { RejectReturnCommand } from './reject-return.command';
import { RejectReturnHandler } from './reject-return.handler';

const doubles = (unitOfWork: ImmediateUnitOfWork) => ({
  stock: new InMemoryProductStock(unitOfWork),
  wallet: new InMemoryWalletPayments(unitOfWork),
  coupons: new InMemoryCouponRedemptions(unitOfWork),
});
const desk = (options?: { pointsToUse?: number }) => returnsDesk(doubles, options);

describe(RejectReturnHandler.name, () => {
  let world: Awaited<ReturnType<typeof desk>>;
  let requests: RequestReturnHandler;
  let approvals: ApproveReturnHandler;
  let sut: RejectReturnHandler;
  const request = async (productId: string, quantity: number) =>
    (
      await requests.execute(
        new RequestReturnCommand(world.orderId, OWNER, [{ productId, quantity }], 'Broken'),
      )
    ).id;
  const reject = (id: string) => sut.execute(new RejectReturnCommand(id));
  const approve = (id: string) => approvals.execute(new ApproveReturnCommand(id));
  const events = <T>(type: new (...args: never[]) => T) =>
    world.outbox.events.filter(
      (event): event is T & (typeof world.outbox.events)[number] => event instanceof type,
    );
  const orderStatus = () => world.orders.stored(world.orderId)!.status;

  beforeEach(async () => {
    world = await desk();
    requests = world.requests;
    approvals = world.approvals;
    sut = new RejectReturnHandler(
      world.returns,
      world.orders,
      world.outbox,
      world.unitOfWork,
      world.clock,
    );
  });

  it('rejects a requested return: no refund, no stock, the order DELIVERED again, one event', async () => {
    const id = await request('p-2', 3);
    const [wallet, stock] = [world.wallet.walletOf(OWNER), world.stock.stockLevels()];

    const { orderReturn, rejected } = await reject(id);

    expect(rejected).toBe(true);
    expect(orderReturn).toMatchObject({ id, status: 'REJECTED', refundAmount: 0 });
    expect(world.returns.stored(id)!.status).toBe('REJECTED');
    expect(world.wallet.walletOf(OWNER)).toEqual(wallet);
    expect(world.stock.stockLevels()).toEqual(stock);
    expect(orderStatus()).toBe('DELIVERED');
    expect(events(ReturnRejected).map((event) => event.payload)).toEqual([
      {
        returnId: id,
        orderId: world.orderId,
        userId: OWNER,
        lines: [{ productId: 'p-2', quantity: 3 }],
        rejectedAt: DELIVERED_AT.toISOString(),
      },
    ]);
    expect(events(ReturnApproved)).toHaveLength(0);
    expect(world.unitOfWork.attributions).toContainEqual(
      expect.objectContaining({ userId: OWNER }),
    );
  });

  it('releases the units: the same quantity may be requested again', async () => {
    const id = await request('p-2', 3);
    await expect(request('p-2', 1)).rejects.toBeInstanceOf(ReturnNotAllowedError);

    await reject(id);

    const again = await request('p-2', 3);
    expect(again).not.toBe(id);
    expect(orderStatus()).toBe('RETURN_REQUESTED');
  });

  it('answers a rejected return unchanged and records one event', async () => {
    const id = await request('p-1', 1);
    await reject(id);

    const again = await reject(id);

    expect(again).toMatchObject({ rejected: false, orderReturn: { status: 'REJECTED' } });
    expect(events(ReturnRejected)).toHaveLength(1);
    // Released once: only 2 of p-1 were bought.
    await request('p-1', 2);
    await expect(request('p-1', 1)).rejects.toBeInstanceOf(ReturnNotAllowedError);
  });

  it('refuses to reject an approved return, and to approve a rejected one, changing nothing', async () => {
    const approved = await request('p-1', 1);
    await approve(approved);
    const rejected = await request('p-2', 1);
    await reject(rejected);
    const wallet = world.wallet.walletOf(OWNER);

    await expect(reject(approved)).rejects.toBeInstanceOf(ReturnAlreadyDecidedError);
    await expect(approve(rejected)).rejects.toBeInstanceOf(ReturnAlreadyDecidedError);

    expect(world.returns.stored(approved)!.status).toBe('APPROVED');
    expect(world.returns.stored(rejected)!.status).toBe('REJECTED');
    expect(world.wallet.walletOf(OWNER)).toEqual(wallet);
    expect(events(ReturnApproved)).toHaveLength(1);
    expect(events(ReturnRejected)).toHaveLength(1);
  });

  it('leaves the order PARTIALLY_RETURNED after an earlier approval, RETURN_REQUESTED while another waits', async () => {
    await approve(await request('p-1', 1));
    const first = await request('p-2', 1);
    const second = await request('p-2', 1);

    await reject(first);
    expect(orderStatus()).toBe('RETURN_REQUESTED');

    await reject(second);
    expect(orderStatus()).toBe('PARTIALLY_RETURNED');
  });

  it('answers 404 for an unknown return', async () => {
    await expect(reject('return-x')).rejects.toBeInstanceOf(NotFoundError);
  });
});
