import { DomainError } from '../../../shared/kernel/domain-error';

export class PointsAlreadySpentError extends DomainError {
  readonly code = 'POINTS_ALREADY_SPENT';

  constructor(message = 'The points earned by this order were already spent') {
    super(message);
  }
}
