import { DomainError } from '../../../shared/kernel/domain-error';

/** The order line was already reviewed (a deleted review still counts). */
export class ReviewExistsError extends DomainError {
  readonly code = 'REVIEW_EXISTS';

  constructor(orderId: string, productId: string) {
    super(`Product ${productId} of order ${orderId} was already reviewed`);
  }
}
