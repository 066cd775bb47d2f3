import { DomainError } from '../../../shared/kernel/domain-error';

/** The order is not in a state its shipment may move it from (cancelled, not yet shipped, …). */
export class OrderNotShippableError extends DomainError {
  readonly code = 'SHIPMENT_NOT_SHIPPABLE';

  constructor(orderId: string, status: string, move: string) {
    super(`Order ${orderId} is ${status} and cannot be ${move}`);
  }
}
