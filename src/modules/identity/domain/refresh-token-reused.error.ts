import { DomainError } from '../../../shared/kernel/domain-error';

/** A spent refresh token came back: the session was revoked as a precaution. */
export class RefreshTokenReusedError extends DomainError {
  readonly code = 'REFRESH_TOKEN_REUSED';

  constructor() {
    super('This refresh token was already used; the session has been revoked');
  }
}
