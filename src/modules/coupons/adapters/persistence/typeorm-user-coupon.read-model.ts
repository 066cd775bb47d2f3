import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { UserCouponReadModel } from '../../application/ports/user-coupon.read-model.port';
import {
  UserCouponPage,
  UserCouponView,
} from '../../application/queries/list-my-coupons/user-coupon.view';
import { DiscountType } from '../../domain/discount-type';
import { UserCouponStatus } from '../../domain/user-coupon-status';

interface UserCouponRow {
  id: string;
  coupon_id: string;
  status: string;
  valid_until: Date;
  issued_at: Date;
  used_at: Date | null;
  order_id: string | null;
  name: string;
  discount_type: string;
  discount_value: number;
  max_discount: number | null;
  min_order_amount: number;
}

/** The coupons a user holds as stored: replica SQL (index user_id, id), primary right after the user's own writes. */
@Injectable()
export class TypeOrmUserCouponReadModel extends UserCouponReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async listByUser(
    userId: string,
    page: { readonly limit: number; readonly cursor?: string },
  ): Promise<UserCouponPage> {
    const rows = await this.database.query<UserCouponRow>(
      `SELECT uc.id, uc.coupon_id, uc.status, uc.valid_until, uc.issued_at, uc.used_at, uc.order_id,
              c.name, c.discount_type, c.discount_value, c.max_discount, c.min_order_amount
         FROM user_coupons uc JOIN coupons c ON c.id = uc.coupon_id
        WHERE uc.user_id = ? ${page.cursor ? 'AND uc.id < ?' : ''}
        ORDER BY uc.id DESC
        LIMIT ?`,
      page.cursor ? [userId, page.cursor, page.limit + 1] : [userId, page.limit + 1],
    );
    const items = rows.slice(0, page.limit).map(toView);
    return {
      items,
      nextCursor: rows.length > page.limit ? (items[items.length - 1]?.userCouponId ?? null) : null,
    };
  }
}

function toView(row: UserCouponRow): UserCouponView {
  return {
    userCouponId: row.id,
    couponId: row.coupon_id,
    name: row.name,
    discountType: row.discount_type as DiscountType,
    discountValue: Number(row.discount_value),
    maxDiscount: row.max_discount === null ? null : Number(row.max_discount),
    minOrderAmount: Number(row.min_order_amount),
    status: row.status as UserCouponStatus,
    validUntil: new Date(row.valid_until).toISOString(),
    issuedAt: new Date(row.issued_at).toISOString(),
    usedAt: row.used_at ? new Date(row.used_at).toISOString() : null,
    orderId: row.order_id,
  };
}
