import { DomainError } from '../../shared/kernel/domain-error';

export class IdempotencyInProgressError extends DomainError {
  readonly code = 'IDEMPOTENCY_IN_PROGRESS';

  constructor(message = 'A request with this Idempotency-Key is still running; retry shortly') {
    super(message);
  }
}
