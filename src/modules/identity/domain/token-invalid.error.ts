import { DomainError } from '../../../shared/kernel/domain-error';

/** A member token that is unknown, already used or expired (the caller cannot tell which). */
export class TokenInvalidError extends DomainError {
  readonly code = 'TOKEN_INVALID';

  constructor() {
    super('The token is unknown, used or expired');
  }
}
