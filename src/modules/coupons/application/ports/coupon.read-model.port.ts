import { CouponView } from '../queries/get-coupon/coupon.view';

/** Read side of coupon issues (replica, briefly cached). */
export abstract class CouponReadModel {
  /** The coupon issue with its remaining quantity; null if no such issue. */
  abstract findById(id: string): Promise<CouponView | null>;
}
