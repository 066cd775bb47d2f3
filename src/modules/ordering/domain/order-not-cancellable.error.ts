import { DomainError } from '../../../shared/kernel/domain-error';

/** Only PAID orders can be cancelled. */
export class OrderNotCancellableError extends DomainError {
  readonly code = 'ORDER_NOT_CANCELLABLE';

  constructor(orderId: string, status: string) {
    super(`Order ${orderId} is ${status} and cannot be cancelled`);
  }
}
