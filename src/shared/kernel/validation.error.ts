import { DomainError } from './domain-error';

/** One rejected input field. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Input that breaks a rule; `errors` names each offending field. */
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION_FAILED';

  constructor(
    readonly errors: readonly FieldError[],
    message = 'The request is not valid',
  ) {
    super(message);
  }
}
