import { Money } from '../../../../shared/kernel/money';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CouponNotUsableError } from '../../domain/coupon-not-usable.error';
import { CouponRedemption, CouponRedemptions } from '../ports/coupon-redemptions.port';
import { CouponRepository } from '../ports/coupon.repository.port';
import { UserCouponRepository } from '../ports/user-coupon.repository.port';

/**
 * CouponRedemptions on the coupons' own repositories. Only the user coupon
 * row is locked: the coupon's terms never change, so they are read without
 * a lock and the hot coupon row (issuing) is never blocked by orders.
 * `unitOfWork.run` joins the caller's transaction (and opens one when called alone).
 */
export class CouponRedemptionService extends CouponRedemptions {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly userCoupons: UserCouponRepository,
    private readonly unitOfWork: UnitOfWork,
  ) {
    super();
  }

  redeem(
    redemption: CouponRedemption,
  ): Promise<{ readonly discount: Money; readonly applied: boolean }> {
    return this.unitOfWork.run(async () => {
      const userCoupon = await this.userCoupons.findByIdForUpdate(redemption.userCouponId);
      if (!userCoupon) throw new CouponNotUsableError('No such coupon');
      const coupon = await this.coupons.findById(userCoupon.couponId);
      if (!coupon) throw new CouponNotUsableError('No such coupon');
      userCoupon.assertUsableBy(redemption.userId, redemption.at, coupon.window);
      if (!coupon.policy.appliesTo(redemption.subtotal))
        return { discount: Money.ZERO, applied: false };
      userCoupon.use(redemption.userId, redemption.orderId, redemption.at, coupon.window);
      await this.userCoupons.save(userCoupon);
      return { discount: coupon.policy.discountFor(redemption.subtotal), applied: true };
    });
  }

  restore(input: {
    readonly userCouponId: string;
    readonly orderId: string;
    readonly at: Date;
  }): Promise<void> {
    return this.unitOfWork.run(async () => {
      const userCoupon = await this.userCoupons.findByIdForUpdate(input.userCouponId);
      if (!userCoupon) return;
      const coupon = await this.coupons.findById(userCoupon.couponId);
      if (!coupon) return;
      if (userCoupon.restore(input.orderId, input.at, coupon.window))
        await this.userCoupons.save(userCoupon);
    });
  }
}
