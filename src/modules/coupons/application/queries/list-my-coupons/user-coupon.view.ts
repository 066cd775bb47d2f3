import { DiscountType } from '../../../domain/discount-type';
import { UserCouponStatus } from '../../../domain/user-coupon-status';

/** A coupon in the caller's hands, with the terms of its issue. */
export interface UserCouponView {
  readonly userCouponId: string;
  readonly couponId: string;
  readonly name: string;
  readonly discountType: DiscountType;
  readonly discountValue: number;
  readonly maxDiscount: number | null;
  readonly minOrderAmount: number;
  /** EXPIRED as soon as the window ended, even before the expiry sweep ran. */
  readonly status: UserCouponStatus;
  readonly validUntil: string;
  readonly issuedAt: string;
  readonly usedAt: string | null;
  readonly orderId: string | null;
}

/** One page of the caller's coupons, newest first. */
export interface UserCouponPage {
  readonly items: UserCouponView[];
  readonly nextCursor: string | null;
}
