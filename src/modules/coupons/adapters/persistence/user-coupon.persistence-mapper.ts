import { UserCoupon } from '../../domain/user-coupon.aggregate';
import { UserCouponStatus } from '../../domain/user-coupon-status';
import { UserCouponOrmEntity } from './user-coupon.orm-entity';

/** Converts between the UserCoupon aggregate and its row. */
export class UserCouponPersistenceMapper {
  static toDomain(row: UserCouponOrmEntity): UserCoupon {
    return UserCoupon.rehydrate({
      id: row.id,
      couponId: row.couponId,
      userId: row.userId,
      status: row.status as UserCouponStatus,
      validUntil: new Date(row.validUntil),
      issuedAt: new Date(row.issuedAt),
      usedAt: row.usedAt ? new Date(row.usedAt) : null,
      orderId: row.orderId,
    });
  }

  static toRow(userCoupon: UserCoupon): UserCouponOrmEntity {
    const row = new UserCouponOrmEntity();
    row.id = userCoupon.id;
    row.couponId = userCoupon.couponId;
    row.userId = userCoupon.userId;
    row.status = userCoupon.status;
    row.validUntil = userCoupon.validUntil;
    row.issuedAt = userCoupon.issuedAt;
    row.usedAt = userCoupon.usedAt;
    row.orderId = userCoupon.orderId;
    return row;
  }
}
