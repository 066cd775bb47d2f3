import { IdempotencyInProgressError } from './idempotency-in-progress.error';

/**
 * The claim's lease ran out and another request took the key over before this
 * one committed: this transaction must roll back (the other one will finish).
 */
export class IdempotencyClaimLostError extends IdempotencyInProgressError {
  constructor(key: string, route: string) {
    super(`Idempotency-Key ${key} of ${route} was taken over by a retry; it is still running`);
  }
}
