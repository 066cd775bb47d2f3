import { DomainError } from '../../../shared/kernel/domain-error';

/** Not delivered, outside the return window, or more than is still returnable. */
export class ReturnNotAllowedError extends DomainError {
  readonly code = 'RETURN_NOT_ALLOWED';
}
