import { Money } from '../../../../shared/kernel/money';

export interface CouponRedemption {
  readonly userCouponId: string;
  readonly userId: string;
  readonly orderId: string;
  readonly subtotal: Money;
  readonly at: Date;
}

/** Coupon use by orders; runs inside the caller's UnitOfWork transaction (primary). */
export abstract class CouponRedemptions {
  /** Locks the user coupon (SELECT ... FOR UPDATE). Throws CouponNotUsableError (COUPON_NOT_USABLE) when it does not exist, belongs to another user, is not AVAILABLE, or `at` is outside the coupon's validity window. If `subtotal` < minOrderAmount the coupon is left AVAILABLE and the result is { discount: 0, applied: false }. Otherwise marks it USED with orderId/usedAt and returns the discount: FIXED = min(discountValue, subtotal); PERCENT = floor(subtotal * value / 100) capped by maxDiscount and by subtotal. */
  abstract redeem(
    redemption: CouponRedemption,
  ): Promise<{ readonly discount: Money; readonly applied: boolean }>;
  /** For a cancelled order: the user coupon used by orderId becomes AVAILABLE again when `at` is within its validity window, else EXPIRED. No-op when it is not USED by that order. */
  abstract restore(input: {
    readonly userCouponId: string;
    readonly orderId: string;
    readonly at: Date;
  }): Promise<void>;
}
