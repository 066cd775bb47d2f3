import { randomUUID } from 'node:crypto';

import { insertUser, SqlRunner } from './users';

/** Users, coupons and user coupons written straight to the primary, for integration and e2e specs. */
export const CouponRows = {
  user(db: SqlRunner): Promise<string> {
    return insertUser(db);
  },

  async coupon(
    db: SqlRunner,
    overrides: {
      discountType?: 'FIXED' | 'PERCENT';
      discountValue?: number;
      maxDiscount?: number | null;
      minOrderAmount?: number;
      totalQuantity?: number;
      validFrom?: Date;
      validUntil?: Date;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO coupons (id, name, discount_type, discount_value, max_discount, min_order_amount,
                            total_quantity, issued_quantity, valid_from, valid_until, created_at)
       VALUES (?, 'Int spec', ?, ?, ?, ?, ?, 0, ?, ?, NOW(3))`,
      [
        id,
        overrides.discountType ?? 'PERCENT',
        overrides.discountValue ?? 10,
        overrides.maxDiscount === undefined ? 5000 : overrides.maxDiscount,
        overrides.minOrderAmount ?? 20_000,
        overrides.totalQuantity ?? 100,
        overrides.validFrom ?? new Date(Date.now() - 86_400_000),
        overrides.validUntil ?? new Date(Date.now() + 86_400_000),
      ],
    );
    return id;
  },

  async userCoupon(
    db: SqlRunner,
    input: {
      couponId: string;
      userId: string;
      validUntil: Date;
      status?: 'AVAILABLE' | 'USED' | 'EXPIRED';
    },
  ): Promise<string> {
    const id = randomUUID();
    const used = input.status === 'USED';
    await db.query(
      `INSERT INTO user_coupons (id, coupon_id, user_id, status, valid_until, issued_at, used_at, order_id)
       VALUES (?, ?, ?, ?, ?, NOW(3), ?, ?)`,
      [
        id,
        input.couponId,
        input.userId,
        input.status ?? 'AVAILABLE',
        input.validUntil,
        used ? new Date() : null,
        used ? randomUUID() : null,
      ],
    );
    return id;
  },

  async status(db: SqlRunner, userCouponId: string): Promise<Record<string, unknown>> {
    const rows = (await db.query(
      'SELECT status, order_id, used_at FROM user_coupons WHERE id = ?',
      [userCouponId],
    )) as Array<Record<string, unknown>>;
    return rows[0] ?? {};
  },
};
