import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { CouponReadModel } from '../../application/ports/coupon.read-model.port';
import { CouponView } from '../../application/queries/get-coupon/coupon.view';
import { DiscountType } from '../../domain/discount-type';

interface CouponRow {
  id: string;
  name: string;
  discount_type: string;
  discount_value: number;
  max_discount: number | null;
  min_order_amount: number;
  total_quantity: number;
  issued_quantity: number;
  valid_from: Date;
  valid_until: Date;
  created_at: Date;
}

/** Coupon issues as seen by queries: replica SQL, routed to the primary for read-your-writes. */
@Injectable()
export class TypeOrmCouponReadModel extends CouponReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async findById(id: string): Promise<CouponView | null> {
    const rows = await this.database.query<CouponRow>(
      `SELECT id, name, discount_type, discount_value, max_discount, min_order_amount,
              total_quantity, issued_quantity, valid_from, valid_until, created_at
         FROM coupons WHERE id = ?`,
      [id],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      discountType: row.discount_type as DiscountType,
      discountValue: Number(row.discount_value),
      maxDiscount: row.max_discount === null ? null : Number(row.max_discount),
      minOrderAmount: Number(row.min_order_amount),
      totalQuantity: Number(row.total_quantity),
      remainingQuantity: Number(row.total_quantity) - Number(row.issued_quantity),
      validFrom: new Date(row.valid_from).toISOString(),
      validUntil: new Date(row.valid_until).toISOString(),
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
