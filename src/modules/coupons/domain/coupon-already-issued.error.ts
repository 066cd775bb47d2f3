import { DomainError } from '../../../shared/kernel/domain-error';

/** A user holds at most one coupon of each issue. */
export class CouponAlreadyIssuedError extends DomainError {
  readonly code = 'COUPON_ALREADY_ISSUED';

  constructor() {
    super('This coupon was already issued to you');
  }
}
