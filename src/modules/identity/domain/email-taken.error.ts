import { DomainError } from '../../../shared/kernel/domain-error';

export class EmailTakenError extends DomainError {
  readonly code = 'EMAIL_TAKEN';

  constructor() {
    super('An account with this email already exists');
  }
}
