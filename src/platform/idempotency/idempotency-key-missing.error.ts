import { DomainError } from '../../shared/kernel/domain-error';

export class IdempotencyKeyMissingError extends DomainError {
  readonly code = 'IDEMPOTENCY_KEY_MISSING';

  constructor(
    message = 'Send an Idempotency-Key header of 1 to 100 characters from A-Z a-z 0-9 _ - : .',
  ) {
    super(message);
  }
}
