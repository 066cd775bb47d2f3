import { Query } from '@nestjs/cqrs';
import { UserCouponPage } from './user-coupon.view';

export class ListMyCouponsQuery extends Query<UserCouponPage> {
  constructor(
    readonly userId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
