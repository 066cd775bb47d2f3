import { DomainError } from '../../../shared/kernel/domain-error';

export class InsufficientBalanceError extends DomainError {
  readonly code = 'INSUFFICIENT_BALANCE';

  constructor(message = 'The wallet balance is lower than the amount to pay') {
    super(message);
  }
}
