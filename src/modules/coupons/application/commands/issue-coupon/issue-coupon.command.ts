import { Command } from '@nestjs/cqrs';

export interface IssuedCoupon {
  readonly userCouponId: string;
  readonly couponId: string;
  readonly status: 'AVAILABLE';
  readonly validUntil: string;
}

export class IssueCouponCommand extends Command<IssuedCoupon> {
  constructor(
    readonly couponId: string,
    readonly userId: string,
  ) {
    super();
  }
}
