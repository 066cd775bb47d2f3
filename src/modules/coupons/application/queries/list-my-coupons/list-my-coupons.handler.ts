import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { effectiveStatus } from '../../../domain/user-coupon-status';
import { UserCouponReadModel } from '../../ports/user-coupon.read-model.port';
import { ListMyCouponsQuery } from './list-my-coupons.query';
import { UserCouponPage } from './user-coupon.view';

/** The caller's coupons; an ended window reads EXPIRED at once, before the sweep writes it. */
@QueryHandler(ListMyCouponsQuery)
export class ListMyCouponsHandler implements IQueryHandler<ListMyCouponsQuery, UserCouponPage> {
  constructor(
    private readonly userCoupons: UserCouponReadModel,
    private readonly clock: Clock,
  ) {}

  async execute(query: ListMyCouponsQuery): Promise<UserCouponPage> {
    const page = await this.userCoupons.listByUser(query.userId, {
      limit: query.limit,
      cursor: query.cursor,
    });
    const now = this.clock.now();
    return {
      items: page.items.map((item) => ({
        ...item,
        status: effectiveStatus(item.status, new Date(item.validUntil), now),
      })),
      nextCursor: page.nextCursor,
    };
  }
}
