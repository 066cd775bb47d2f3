import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { CouponNotUsableError } from '../../domain/coupon-not-usable.error';
import { UserCoupon } from '../../domain/user-coupon.aggregate';
import { aCoupon } from '../testing/coupon-fixtures';
import { InMemoryCouponRepository } from '../testing/in-memory-coupon.repository.fake';
import { InMemoryUserCouponRepository } from '../testing/in-memory-user-coupon.repository.fake';
import { CouponRedemptionService } from './coupon-redemption.service';
import { Money } from '../../../../shared/kernel/money';

describe(CouponRedemptionService.name, () => {
  const during = new Date('2025-03-15T00:00:00.000Z');
  const after = new Date('2025-04-01T00:00:00.000Z');
  let unitOfWork: ImmediateUnitOfWork;
  let coupons: InMemoryCouponRepository;
  let userCoupons: InMemoryUserCouponRepository;
  let sut: CouponRedemptionService;

  const hold = (id: string, couponId: string, userId = 'alice'): void =>
    userCoupons.seed(
      UserCoupon.issue({
        id,
        couponId,
        userId,
        validUntil: new Date('2025-04-01T00:00:00.000Z'),
        now: new Date('2025-03-01T00:00:00.000Z'),
      }),
    );
  const redeem = (overrides: Partial<Parameters<CouponRedemptionService['redeem']>[0]> = {}) =>
    sut.redeem({
      userCouponId: 'uc-percent',
      userId: 'alice',
      orderId: 'order-1',
      subtotal: Money.won(34_567),
      at: during,
      ...overrides,
    });

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    coupons = new InMemoryCouponRepository(unitOfWork);
    userCoupons = new InMemoryUserCouponRepository(unitOfWork);
    // PERCENT 10 % capped at 5000 from 20,000; FIXED 3000 from 0.
    coupons.seed(aCoupon({ id: 'percent' }));
    coupons.seed(
      aCoupon({
        id: 'fixed',
        discountType: 'FIXED',
        discountValue: 3000,
        maxDiscount: null,
        minOrderAmount: 0,
      }),
    );
    hold('uc-percent', 'percent');
    hold('uc-fixed', 'fixed');
    sut = new CouponRedemptionService(coupons, userCoupons, unitOfWork);
  });

  describe('redeem', () => {
    it('locks the user coupon, marks it USED by the order and returns the PERCENT discount rounded down', async () => {
      await expect(redeem()).resolves.toEqual({ discount: Money.won(3456), applied: true });

      const stored = userCoupons.stored('uc-percent');
      expect(stored?.status).toBe('USED');
      expect(stored?.orderId).toBe('order-1');
      expect(stored?.usedAt).toEqual(during);
      expect(userCoupons.locks).toEqual([
        { id: 'uc-percent', transaction: unitOfWork.committed[0] },
      ]);
    });

    it('caps a PERCENT discount at maxDiscount', async () => {
      await expect(redeem({ subtotal: Money.won(80_000) })).resolves.toEqual({
        discount: Money.won(5000),
        applied: true,
      });
    });

    it('takes a FIXED discount, never more than the subtotal', async () => {
      await expect(
        redeem({ userCouponId: 'uc-fixed', subtotal: Money.won(2500) }),
      ).resolves.toEqual({
        discount: Money.won(2500),
        applied: true,
      });
    });

    it('leaves the coupon AVAILABLE with no discount below minOrderAmount', async () => {
      await expect(redeem({ subtotal: Money.won(19_999) })).resolves.toEqual({
        discount: Money.won(0),
        applied: false,
      });
      expect(userCoupons.stored('uc-percent')?.status).toBe('AVAILABLE');
    });

    it.each([
      ['an unknown user coupon', { userCouponId: 'nope' }],
      ["someone else's coupon", { userId: 'bob' }],
      ['a coupon after its window', { at: after }],
      ['a coupon before its window', { at: new Date('2025-02-28T00:00:00.000Z') }],
    ])('refuses %s with COUPON_NOT_USABLE and changes nothing', async (_label, overrides) => {
      await expect(redeem(overrides)).rejects.toBeInstanceOf(CouponNotUsableError);
      expect(userCoupons.stored('uc-percent')?.status).toBe('AVAILABLE');
    });

    it('refuses a coupon already used', async () => {
      await redeem();

      await expect(redeem({ orderId: 'order-2' })).rejects.toBeInstanceOf(CouponNotUsableError);
      expect(userCoupons.stored('uc-percent')?.orderId).toBe('order-1');
    });

    it("joins the caller's transaction, so the caller's rollback makes the coupon AVAILABLE again", async () => {
      await expect(
        unitOfWork.run(async () => {
          await redeem();
          throw new Error('payment failed');
        }),
      ).rejects.toThrow('payment failed');

      expect(userCoupons.stored('uc-percent')?.status).toBe('AVAILABLE');
      expect(unitOfWork.rolledBack).toHaveLength(1);
      expect(unitOfWork.committed).toEqual([]);
    });
  });

  describe('restore', () => {
    it('makes the coupon used by the order AVAILABLE again inside the window', async () => {
      await redeem();

      await sut.restore({ userCouponId: 'uc-percent', orderId: 'order-1', at: during });

      const stored = userCoupons.stored('uc-percent');
      expect(stored?.status).toBe('AVAILABLE');
      expect(stored?.orderId).toBeNull();
      expect(stored?.usedAt).toBeNull();
    });

    it('makes it EXPIRED when the window has ended', async () => {
      await redeem();

      await sut.restore({ userCouponId: 'uc-percent', orderId: 'order-1', at: after });

      expect(userCoupons.stored('uc-percent')?.status).toBe('EXPIRED');
    });

    it('does nothing for another order, an unused or an unknown coupon', async () => {
      await redeem();
      const writes = userCoupons.writes.length;

      await sut.restore({ userCouponId: 'uc-percent', orderId: 'order-2', at: during });
      await sut.restore({ userCouponId: 'uc-fixed', orderId: 'order-1', at: during });
      await sut.restore({ userCouponId: 'nope', orderId: 'order-1', at: during });

      expect(userCoupons.stored('uc-percent')?.status).toBe('USED');
      expect(userCoupons.stored('uc-fixed')?.status).toBe('AVAILABLE');
      expect(userCoupons.writes).toHaveLength(writes);
    });
  });
});
