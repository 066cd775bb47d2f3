import { UserCouponPage } from '../queries/list-my-coupons/user-coupon.view';

/** Read side of the coupons users hold (replica, read-your-writes aware). */
export abstract class UserCouponReadModel {
  /**
   * The user's coupons, newest first, keyset-paginated: `cursor` is the
   * `nextCursor` of the previous page. Statuses are as stored (the sweep
   * may not have expired every ended coupon yet).
   */
  abstract listByUser(
    userId: string,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<UserCouponPage>;
}
