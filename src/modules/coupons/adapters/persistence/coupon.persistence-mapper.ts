import { Coupon } from '../../domain/coupon.aggregate';
import { DiscountPolicy } from '../../domain/discount-policy.value-object';
import { DiscountType } from '../../domain/discount-type';
import { ValidityWindow } from '../../domain/validity-window.value-object';
import { CouponOrmEntity } from './coupon.orm-entity';

/** Converts between the Coupon aggregate and its row. */
export class CouponPersistenceMapper {
  static toDomain(row: CouponOrmEntity): Coupon {
    return Coupon.rehydrate({
      id: row.id,
      name: row.name,
      policy: DiscountPolicy.rehydrate({
        discountType: row.discountType as DiscountType,
        discountValue: Number(row.discountValue),
        maxDiscount: row.maxDiscount === null ? null : Number(row.maxDiscount),
        minOrderAmount: Number(row.minOrderAmount),
      }),
      window: ValidityWindow.of(new Date(row.validFrom), new Date(row.validUntil)),
      totalQuantity: Number(row.totalQuantity),
      issuedQuantity: Number(row.issuedQuantity),
      createdAt: new Date(row.createdAt),
    });
  }

  static toRow(coupon: Coupon): CouponOrmEntity {
    const row = new CouponOrmEntity();
    row.id = coupon.id;
    row.name = coupon.name;
    row.discountType = coupon.policy.discountType;
    row.discountValue = coupon.policy.discountValue;
    row.maxDiscount = coupon.policy.maxDiscount;
    row.minOrderAmount = coupon.policy.minOrderAmount;
    row.totalQuantity = coupon.totalQuantity;
    row.issuedQuantity = coupon.issuedQuantity;
    row.validFrom = coupon.window.validFrom;
    row.validUntil = coupon.window.validUntil;
    row.createdAt = coupon.createdAt;
    return row;
  }
}
