import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { CouponReadModel } from '../../ports/coupon.read-model.port';
import { CouponView } from './coupon.view';
import { GetCouponQuery } from './get-coupon.query';

@QueryHandler(GetCouponQuery)
export class GetCouponHandler implements IQueryHandler<GetCouponQuery, CouponView> {
  constructor(private readonly coupons: CouponReadModel) {}

  async execute(query: GetCouponQuery): Promise<CouponView> {
    const coupon = await this.coupons.findById(query.couponId);
    if (!coupon) throw new NotFoundError('Coupon', query.couponId);
    return coupon;
  }
}
