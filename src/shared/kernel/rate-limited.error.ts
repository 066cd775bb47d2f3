import { DomainError } from './domain-error';

/** Too many requests; the caller may retry after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';

  constructor(
    readonly retryAfterSeconds: number,
    message = 'Too many requests',
  ) {
    super(message);
  }
}
