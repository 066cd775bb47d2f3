import { Query } from '@nestjs/cqrs';
import { CouponView } from './coupon.view';

export class GetCouponQuery extends Query<CouponView> {
  constructor(readonly couponId: string) {
    super();
  }
}
