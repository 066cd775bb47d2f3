import { DomainError } from '../../../shared/kernel/domain-error';

/** A stock decrease would take stock below zero. */
export class InsufficientStockError extends DomainError {
  readonly code = 'INSUFFICIENT_STOCK';

  constructor(productId: string) {
    super(`Not enough stock for product ${productId}`);
  }
}
