import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { CouponAlreadyIssuedError } from '../../../domain/coupon-already-issued.error';
import { CouponNotUsableError } from '../../../domain/coupon-not-usable.error';
import { CouponSoldOutError } from '../../../domain/coupon-sold-out.error';
import { UserCoupon } from '../../../domain/user-coupon.aggregate';
import { aCoupon } from '../../testing/coupon-fixtures';
import { InMemoryCouponRepository } from '../../testing/in-memory-coupon.repository.fake';
import { InMemoryUserCouponRepository } from '../../testing/in-memory-user-coupon.repository.fake';
import { IssueCouponCommand } from './issue-coupon.command';
import { IssueCouponHandler } from './issue-coupon.handler';

describe(IssueCouponHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let coupons: InMemoryCouponRepository;
  let userCoupons: InMemoryUserCouponRepository;
  let clock: FixedClock;
  let sut: IssueCouponHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    coupons = new InMemoryCouponRepository(unitOfWork);
    userCoupons = new InMemoryUserCouponRepository(unitOfWork);
    clock = new FixedClock(new Date('2025-03-10T00:00:00.000Z'));
    coupons.seed(aCoupon({ totalQuantity: 2 }));
    sut = new IssueCouponHandler(
      coupons,
      userCoupons,
      unitOfWork,
      new SequentialIdGenerator('uc'),
      clock,
    );
  });

  it('hands one coupon to the caller: count and row change in the same committed transaction', async () => {
    const result = await sut.execute(new IssueCouponCommand('coupon-1', 'alice'));

    expect(result).toEqual({
      userCouponId: 'uc-1',
      couponId: 'coupon-1',
      status: 'AVAILABLE',
      validUntil: '2025-04-01T00:00:00.000Z',
    });
    expect(coupons.issuedOf('coupon-1')).toBe(1);
    const [transaction] = unitOfWork.committed;
    expect(coupons.takeCalls).toEqual([{ couponId: 'coupon-1', transaction }]);
    expect(userCoupons.writes).toEqual([{ id: 'uc-1', transaction }]);
    const stored = userCoupons.stored('uc-1');
    expect(stored?.userId).toBe('alice');
    expect(stored?.issuedAt).toEqual(clock.now());
    expect(unitOfWork.attributions).toEqual([{ userId: 'alice', transaction }]);
  });

  it('hands out exactly totalQuantity, then answers COUPON_SOLD_OUT', async () => {
    await sut.execute(new IssueCouponCommand('coupon-1', 'alice'));
    await sut.execute(new IssueCouponCommand('coupon-1', 'bob'));

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'carol'))).rejects.toBeInstanceOf(
      CouponSoldOutError,
    );
    expect(coupons.issuedOf('coupon-1')).toBe(2);
    expect(userCoupons.all().map((uc) => uc.userId)).toEqual(['alice', 'bob']);
  });

  it('answers COUPON_SOLD_OUT when the conditional increment loses, even though the read said one was left', async () => {
    coupons.seed(aCoupon({ totalQuantity: 2 }), 1);
    // Someone else takes the last one between the read and the transaction.
    const takeOne = coupons.takeOne.bind(coupons);
    jest.spyOn(coupons, 'takeOne').mockImplementationOnce(async (id) => {
      await takeOne(id);
      return takeOne(id);
    });

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'alice'))).rejects.toBeInstanceOf(
      CouponSoldOutError,
    );
    expect(userCoupons.all()).toEqual([]);
    expect(unitOfWork.rolledBack).toHaveLength(1);
  });

  it('answers COUPON_ALREADY_ISSUED to a second request of the same user, without taking a coupon', async () => {
    await sut.execute(new IssueCouponCommand('coupon-1', 'alice'));

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'alice'))).rejects.toBeInstanceOf(
      CouponAlreadyIssuedError,
    );
    expect(coupons.issuedOf('coupon-1')).toBe(1);
    expect(coupons.takeCalls).toHaveLength(1);
  });

  it('rolls the increment back when the unique key rejects a racing duplicate', async () => {
    // Both requests of alice passed the early check; the second one's insert hits the unique key.
    jest.spyOn(userCoupons, 'isHeldBy').mockResolvedValue(false);
    await sut.execute(new IssueCouponCommand('coupon-1', 'alice'));

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'alice'))).rejects.toBeInstanceOf(
      CouponAlreadyIssuedError,
    );
    expect(coupons.issuedOf('coupon-1')).toBe(1);
    expect(unitOfWork.rolledBack).toHaveLength(1);
  });

  it('answers NOT_FOUND for an unknown coupon', async () => {
    await expect(sut.execute(new IssueCouponCommand('nope', 'alice'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it.each([
    ['before validFrom', '2025-02-28T23:59:59.999Z'],
    ['at validUntil', '2025-04-01T00:00:00.000Z'],
  ])('answers COUPON_NOT_USABLE %s and takes nothing', async (_label, at) => {
    clock.set(new Date(at));

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'alice'))).rejects.toBeInstanceOf(
      CouponNotUsableError,
    );
    expect(coupons.issuedOf('coupon-1')).toBe(0);
    expect(coupons.takeCalls).toEqual([]);
  });

  it('turns a user who already holds one away before looking at the count', async () => {
    coupons.seed(aCoupon({ totalQuantity: 2 }), 2);
    userCoupons.seed(
      UserCoupon.issue({
        id: 'uc-0',
        couponId: 'coupon-1',
        userId: 'alice',
        validUntil: new Date('2025-04-01T00:00:00.000Z'),
        now: clock.now(),
      }),
    );

    await expect(sut.execute(new IssueCouponCommand('coupon-1', 'alice'))).rejects.toBeInstanceOf(
      CouponAlreadyIssuedError,
    );
  });
});
