import { DomainError } from '../../../shared/kernel/domain-error';

/** Rejecting an APPROVED return, or approving a REJECTED one: the first outcome stands (ADR 0080). */
export class ReturnAlreadyDecidedError extends DomainError {
  readonly code = 'RETURN_ALREADY_DECIDED';
}
