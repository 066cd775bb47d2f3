import { DomainError } from '../../shared/kernel/domain-error';

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(message = 'This Idempotency-Key was already used with a different request') {
    super(message);
  }
}
