import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ReturnApproved } from '../../events/return-approved.integration-event';
import { DELIVERED_AT, OWNER } from '../../testing/delivered-order.fake';
import { returnsDesk } from '../../testing/returns-desk.fake';
import { RequestReturnCommand } from '../request-return/request-return.command';
import { RequestReturnHandler } from '../request-return/request-return.handler';
import { ApproveReturnCommand } from './approve-return.command';
import { ApproveReturnHandler } from './approve-return.handler';

const doubles = (unitOfWork: ImmediateUnitOfWork) => ({
  stock: new InMemoryProductStock(unitOfWork),
  wallet: new InMemoryWalletPayments(unitOfWork),
  coupons: new InMemoryCouponRedemptions(unitOfWork),
});
const desk = (options?: { pointsToUse?: number }) => returnsDesk(doubles, options);

describe(ApproveReturnHandler.name, () => {
  let world: Awaited<ReturnType<typeof desk>>;
  let requests: RequestReturnHandler;
  let sut: ApproveReturnHandler;
  const request = async (productId: string, quantity: number) =>
    (
      await requests.execute(
        new RequestReturnCommand(world.orderId, OWNER, [{ productId, quantity }], 'Broken'),
      )
    ).id;
  const approve = (id: string) => sut.execute(new ApproveReturnCommand(id));
  const approvedEvents = () =>
    world.outbox.events.filter((event): event is ReturnApproved => event instanceof ReturnApproved);

  beforeEach(async () => {
    world = await desk();
    requests = world.requests;
    sut = world.approvals;
  });

  it('refunds the share of what was paid, settles points, restocks, and leaves the order PARTIALLY_RETURNED', async () => {
    const id = await request('p-2', 3);

    const { orderReturn, approved } = await approve(id);

    expect(approved).toBe(true);
    expect(orderReturn).toMatchObject({
      status: 'APPROVED',
      refundAmount: 8_673,
      pointsRestored: 304,
      pointsRevoked: 86,
      approvedAt: DELIVERED_AT.toISOString(),
    });
    // 71,500 + 8,673; 1,285 + 304 − 86.
    expect(world.wallet.walletOf(OWNER)).toEqual({ balance: 80_173, points: 1_503 });
    expect(world.stock.stockLevels()).toEqual({ 'p-1': 3, 'p-2': 10 });
    expect(world.orders.stored(world.orderId)!.status).toBe('PARTIALLY_RETURNED');
    expect(approvedEvents().map((event) => event.payload)).toEqual([
      expect.objectContaining({
        returnId: id,
        lines: [{ productId: 'p-2', quantity: 3 }],
        refundAmount: 8_673,
        placedAt: '2025-03-10T12:00:00.000Z',
      }),
    ]);
    expect(world.unitOfWork.attributions).toContainEqual(
      expect.objectContaining({ userId: OWNER }),
    );
  });

  it('refunds exactly what was paid once everything is back, and the order is RETURNED', async () => {
    await approve(await request('p-2', 3));
    const second = await request('p-1', 2);
    expect(world.orders.stored(world.orderId)!.status).toBe('RETURN_REQUESTED');

    expect((await approve(second)).orderReturn.refundAmount).toBe(28_500 - 8_673);

    expect(world.wallet.walletOf(OWNER)).toEqual({ balance: 100_000, points: 2_000 });
    expect(world.orders.stored(world.orderId)!.status).toBe('RETURNED');
  });

  it('keeps the order RETURN_REQUESTED while another return waits', async () => {
    const first = await request('p-2', 1);
    await request('p-2', 1);

    await approve(first);

    expect(world.orders.stored(world.orderId)!.status).toBe('RETURN_REQUESTED');
  });

  it('answers an approved return unchanged and refunds once', async () => {
    const id = await request('p-1', 1);
    await approve(id);
    const wallet = world.wallet.walletOf(OWNER);

    const again = await approve(id);

    expect(again.approved).toBe(false);
    expect(again.orderReturn.status).toBe('APPROVED');
    expect(world.wallet.walletOf(OWNER)).toEqual(wallet);
    expect(approvedEvents()).toHaveLength(1);
  });

  it('withholds earned points already spent from the refund, and counts them as settled for later approvals', async () => {
    // Without points: 29,500 paid, 295 earned.
    world = await desk({ pointsToUse: 0 });
    requests = world.requests;
    sut = world.approvals;
    const first = await request('p-2', 3);
    world.wallet.seed(OWNER, { balance: 0, points: 50 }); // the member spent the rest

    // Due: floor(29,500 × 10,500 / 34,500) = 8,978 and 89 points; 50 held, 39 withheld.
    expect((await approve(first)).orderReturn).toMatchObject({
      refundAmount: 8_939,
      pointsRevoked: 50,
    });
    world.wallet.seed(OWNER, { balance: 8_939, points: 1_000 });
    const rest = await request('p-1', 2);

    // The rest of what is due: 29,500 − 8,978 and 295 − 89 points (the 39 are not paid twice).
    expect((await approve(rest)).orderReturn).toMatchObject({
      refundAmount: 20_522,
      pointsRevoked: 206,
    });
    expect(world.wallet.walletOf(OWNER)).toEqual({ balance: 8_939 + 20_522, points: 1_000 - 206 });
  });

  it('answers 404 for an unknown return', async () => {
    await expect(approve('return-x')).rejects.toBeInstanceOf(NotFoundError);
  });
});
