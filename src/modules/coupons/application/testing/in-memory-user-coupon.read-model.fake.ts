import { UserCouponReadModel } from '../ports/user-coupon.read-model.port';
import { UserCouponPage, UserCouponView } from '../queries/list-my-coupons/user-coupon.view';

/** User coupon views per user, listed newest (largest id) first with the real cursor rules. */
export class InMemoryUserCouponReadModel extends UserCouponReadModel {
  private readonly views: Array<{ userId: string; view: UserCouponView }> = [];

  /** Puts a view of `userId`'s coupon in place. */
  put(userId: string, view: UserCouponView): void {
    this.views.push({ userId, view });
  }

  async listByUser(
    userId: string,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<UserCouponPage> {
    const rows = this.views
      .filter((entry) => entry.userId === userId)
      .map((entry) => entry.view)
      .filter((view) => page.cursor === undefined || view.userCouponId < page.cursor)
      .sort((a, b) => (a.userCouponId < b.userCouponId ? 1 : -1));
    const items = rows.slice(0, page.limit);
    return {
      items,
      nextCursor: rows.length > page.limit ? (items[items.length - 1]?.userCouponId ?? null) : null,
    };
  }
}
