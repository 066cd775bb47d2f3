import { DomainError } from '../../../shared/kernel/domain-error';

/** Every coupon of the issue has been handed out. */
export class CouponSoldOutError extends DomainError {
  readonly code = 'COUPON_SOLD_OUT';

  constructor() {
    super('All coupons of this issue have been handed out');
  }
}
