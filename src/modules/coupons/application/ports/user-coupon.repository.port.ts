import { UserCoupon } from '../../domain/user-coupon.aggregate';

/** Coupons held by users, on the write side (primary), inside the current UnitOfWork. */
export abstract class UserCouponRepository {
  /** Inserts a coupon handed to a user; throws CouponAlreadyIssuedError when that user already holds one of the issue. */
  abstract add(userCoupon: UserCoupon): Promise<void>;

  /** True when the user already holds a coupon of this issue (a cheap early answer; the unique key decides). */
  abstract isHeldBy(couponId: string, userId: string): Promise<boolean>;

  /** The user coupon, locked for the rest of the transaction (SELECT ... FOR UPDATE); null if none. */
  abstract findByIdForUpdate(id: string): Promise<UserCoupon | null>;

  /** Writes the status, use time and order of a loaded user coupon. */
  abstract save(userCoupon: UserCoupon): Promise<void>;

  /**
   * Marks up to `limit` AVAILABLE coupons whose window ended by `now` as
   * EXPIRED, skipping rows other transactions hold; returns how many changed.
   */
  abstract expireDue(now: Date, limit: number): Promise<number>;
}
