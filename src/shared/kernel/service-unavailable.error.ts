import { DomainError } from './domain-error';

/** A dependency needed for this request is down; retrying later may succeed. */
export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(
    message = 'A dependency is unavailable, try again shortly',
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}
