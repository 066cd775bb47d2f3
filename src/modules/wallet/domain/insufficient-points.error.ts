import { DomainError } from '../../../shared/kernel/domain-error';

export class InsufficientPointsError extends DomainError {
  readonly code = 'INSUFFICIENT_POINTS';

  constructor(message = 'Fewer points are held than the points to use') {
    super(message);
  }
}
