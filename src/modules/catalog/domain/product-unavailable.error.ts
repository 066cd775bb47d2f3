import { DomainError } from '../../../shared/kernel/domain-error';

/** The product does not exist or is hidden, so it cannot be sold. */
export class ProductUnavailableError extends DomainError {
  readonly code = 'PRODUCT_UNAVAILABLE';

  constructor(productId: string) {
    super(`Product ${productId} is not available`);
  }
}
