import { DomainError } from '../../../shared/kernel/domain-error';

export class BalanceLimitExceededError extends DomainError {
  readonly code = 'BALANCE_LIMIT_EXCEEDED';

  constructor(message = 'The charge would take the balance above 100,000,000') {
    super(message);
  }
}
