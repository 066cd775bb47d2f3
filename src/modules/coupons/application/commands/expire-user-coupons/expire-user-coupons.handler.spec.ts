import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { UserCoupon } from '../../../domain/user-coupon.aggregate';
import { InMemoryUserCouponRepository } from '../../testing/in-memory-user-coupon.repository.fake';
import { ExpireUserCouponsCommand } from './expire-user-coupons.command';
import { ExpireUserCouponsHandler } from './expire-user-coupons.handler';

describe(ExpireUserCouponsHandler.name, () => {
  const now = new Date('2025-04-01T00:00:00.000Z');
  let unitOfWork: ImmediateUnitOfWork;
  let userCoupons: InMemoryUserCouponRepository;
  let sut: ExpireUserCouponsHandler;

  const seed = (id: string, validUntil: string): void =>
    userCoupons.seed(
      UserCoupon.issue({
        id,
        couponId: `coupon-${id}`,
        userId: 'alice',
        validUntil: new Date(validUntil),
        now: new Date('2025-03-01T00:00:00.000Z'),
      }),
    );

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    userCoupons = new InMemoryUserCouponRepository(unitOfWork);
    sut = new ExpireUserCouponsHandler(userCoupons, unitOfWork, new FixedClock(now));
  });

  it('expires AVAILABLE coupons whose window ended by now, and no others', async () => {
    seed('ended', '2025-03-31T00:00:00.000Z');
    seed('ends-now', '2025-04-01T00:00:00.000Z');
    seed('running', '2025-04-01T00:00:00.001Z');

    const result = await sut.execute(new ExpireUserCouponsCommand());

    expect(result).toEqual({ expired: 2, more: false });
    expect(userCoupons.stored('ended')?.status).toBe('EXPIRED');
    expect(userCoupons.stored('ends-now')?.status).toBe('EXPIRED');
    expect(userCoupons.stored('running')?.status).toBe('AVAILABLE');
  });

  it('works in bounded batches, each in its own transaction, until a batch is short', async () => {
    for (let i = 0; i < 5; i++) seed(`uc-${i}`, '2025-03-31T00:00:00.000Z');

    const result = await sut.execute(new ExpireUserCouponsCommand(2, 10));

    expect(result).toEqual({ expired: 5, more: false });
    expect(userCoupons.expireCalls.map((call) => call.limit)).toEqual([2, 2, 2]);
    expect(userCoupons.expireCalls.map((call) => call.transaction)).toEqual(unitOfWork.committed);
    expect(new Set(unitOfWork.committed).size).toBe(3);
  });

  it('stops after maxBatches and says more may be left', async () => {
    for (let i = 0; i < 5; i++) seed(`uc-${i}`, '2025-03-31T00:00:00.000Z');

    const result = await sut.execute(new ExpireUserCouponsCommand(2, 2));

    expect(result).toEqual({ expired: 4, more: true });
  });

  it('is idempotent: a second run changes nothing', async () => {
    seed('ended', '2025-03-31T00:00:00.000Z');
    await sut.execute(new ExpireUserCouponsCommand());

    await expect(sut.execute(new ExpireUserCouponsCommand())).resolves.toEqual({
      expired: 0,
      more: false,
    });
  });
});
