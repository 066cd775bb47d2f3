import { DomainError } from '../../../shared/kernel/domain-error';

/** The member already has the most addresses an address book holds. */
export class AddressLimitReachedError extends DomainError {
  readonly code = 'ADDRESS_LIMIT_REACHED';

  constructor(limit: number) {
    super(`An address book holds at most ${limit} addresses`);
  }
}
