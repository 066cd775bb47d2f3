import { DiscountType } from '../../../domain/discount-type';

/** A coupon issue as anyone may see it. */
export interface CouponView {
  readonly id: string;
  readonly name: string;
  readonly discountType: DiscountType;
  readonly discountValue: number;
  readonly maxDiscount: number | null;
  readonly minOrderAmount: number;
  readonly totalQuantity: number;
  readonly remainingQuantity: number;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly createdAt: string;
}
