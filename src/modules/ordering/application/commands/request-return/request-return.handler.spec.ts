import { InMemoryCouponRedemptions } from '../../../../coupons/application/testing/in-memory-coupon-redemptions';
import { InMemoryProductStock } from '../../../../catalog/application/testing/in-memory-product-stock.fake';
import { InMemoryWalletPayments } from '../../../../wallet/application/testing/in-memory-wallet-payments';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Money } from '../../../../../shared/kernel/money';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ReturnNotAllowedError } from '../../../domain/return-not-allowed.error';
import { DELIVERED_AT, OWNER } from '../../testing/delivered-order.fake';
import { returnsDesk } from '../../testing/returns-desk.fake';
import { RequestReturnCommand } from './request-return.command';
import { RequestReturnHandler } from './request-return.handler';

const DAY = 86_400_000;

const doubles = (unitOfWork: ImmediateUnitOfWork) => ({
  stock: new InMemoryProductStock(unitOfWork),
  wallet: new InMemoryWalletPayments(unitOfWork),
  coupons: new InMemoryCouponRedemptions(unitOfWork),
});
const desk = (options?: { pointsToUse?: number }) => returnsDesk(doubles, options);

describe(RequestReturnHandler.name, () => {
  let world: Awaited<ReturnType<typeof desk>>;
  let sut: RequestReturnHandler;
  const request = (items: Array<{ productId: string; quantity: number }>, caller = OWNER) =>
    sut.execute(new RequestReturnCommand(world.orderId, caller, items, '  Too small  '));

  beforeEach(async () => {
    world = await desk();
    sut = world.requests;
  });

  it('reserves the units, answers REQUESTED with the refund if approved next, and marks the order RETURN_REQUESTED', async () => {
    const result = await request([{ productId: 'p-2', quantity: 3 }]);

    // floor(28,500 × 10,500 / 34,500): what was paid, not the 10,500 list price.
    expect(result).toMatchObject({
      id: 'return-1',
      orderId: world.orderId,
      status: 'REQUESTED',
      items: [{ productId: 'p-2', quantity: 3 }],
      reason: 'Too small',
      refundAmount: 8_673,
      createdAt: DELIVERED_AT.toISOString(),
    });
    const order = world.orders.stored(world.orderId)!;
    expect(order.status).toBe('RETURN_REQUESTED');
    expect(order.lines.map((line) => line.returnedQuantity)).toEqual([0, 3]);
    expect(world.returns.stored('return-1')!.returnedValue).toEqual(Money.won(10_500));
  });

  it('refuses more than is left, whole request or nothing', async () => {
    await request([{ productId: 'p-1', quantity: 1 }]);

    await expect(
      request([
        { productId: 'p-2', quantity: 1 },
        { productId: 'p-1', quantity: 2 },
      ]),
    ).rejects.toBeInstanceOf(ReturnNotAllowedError);

    expect(world.orders.stored(world.orderId)!.lines.map((l) => l.returnedQuantity)).toEqual([
      1, 0,
    ]);
    expect(world.returns.stored('return-2')).toBeUndefined();
  });

  it('refuses after the window and before delivery; hides other members’ orders', async () => {
    world.clock.set(new Date(DELIVERED_AT.getTime() + 14 * DAY + 1));
    await expect(request([{ productId: 'p-1', quantity: 1 }])).rejects.toBeInstanceOf(
      ReturnNotAllowedError,
    );
    world.clock.set(DELIVERED_AT);
    await expect(request([{ productId: 'p-1', quantity: 1 }], 'user-2')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(world.orders.stored(world.orderId)!.status).toBe('DELIVERED');
  });
});
