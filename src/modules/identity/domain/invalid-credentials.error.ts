import { DomainError } from '../../../shared/kernel/domain-error';

/** Wrong email or password; deliberately does not say which. */
export class InvalidCredentialsError extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';

  constructor() {
    super('Email or password is wrong');
  }
}
