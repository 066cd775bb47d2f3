import { DomainError } from './domain-error';

/** Missing, invalid, expired or revoked credentials. */
export class UnauthorizedError extends DomainError {
  readonly code = 'UNAUTHORIZED';

  constructor(message = 'Authentication required') {
    super(message);
  }
}
