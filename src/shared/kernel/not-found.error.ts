import { DomainError } from './domain-error';

/** The resource does not exist, or the caller may not know that it exists. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';

  constructor(resource: string, id?: string) {
    super(id === undefined ? `${resource} not found` : `${resource} ${id} not found`);
  }
}
