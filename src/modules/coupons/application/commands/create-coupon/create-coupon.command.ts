import { Command } from '@nestjs/cqrs';
import { DiscountType } from '../../../domain/discount-type';
import { CouponView } from '../../queries/get-coupon/coupon.view';

export interface CreateCouponInput {
  readonly name: string;
  readonly discountType: DiscountType;
  readonly discountValue: number;
  readonly maxDiscount: number | null;
  readonly minOrderAmount: number;
  readonly totalQuantity: number;
  readonly validFrom: Date;
  readonly validUntil: Date;
}

export class CreateCouponCommand extends Command<CouponView> {
  constructor(readonly input: CreateCouponInput) {
    super();
  }
}
