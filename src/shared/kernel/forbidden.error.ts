import { DomainError } from './domain-error';

/** The caller is authenticated but lacks the role for this action. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';

  constructor(message = 'You are not allowed to do this') {
    super(message);
  }
}
