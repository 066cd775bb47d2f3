import { DomainError } from '../../../shared/kernel/domain-error';

/** The coupon cannot be issued or redeemed now (unknown, not the caller's, used, expired or not yet valid). */
export class CouponNotUsableError extends DomainError {
  readonly code = 'COUPON_NOT_USABLE';

  constructor(message = 'This coupon cannot be used') {
    super(message);
  }
}
