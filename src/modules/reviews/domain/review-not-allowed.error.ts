import { DomainError } from '../../../shared/kernel/domain-error';

/** The caller has no delivered order line of this product in this order. */
export class ReviewNotAllowedError extends DomainError {
  readonly code = 'REVIEW_NOT_ALLOWED';

  constructor(orderId: string, productId: string) {
    super(`Order ${orderId} has no delivered line of product ${productId} for you`);
  }
}
