import { AsyncLocalStorage } from 'node:async_hooks';
import { EntityManager } from 'typeorm';

/**
 * An Idempotency-Key claim waiting for the request's business transaction.
 * The UnitOfWork completes it inside its outermost transaction, right before
 * COMMIT, so the stored response commits or rolls back with the writes.
 */
export interface PendingIdempotencyClaim {
  /** True once a completion has committed; later transactions leave the record alone. */
  readonly committed: boolean;

  /**
   * Marks the record COMPLETED with `result` (the value the outermost
   * `UnitOfWork.run` work returned) as the response, using `manager`.
   * Throws IDEMPOTENCY_IN_PROGRESS if the claim was taken over meanwhile,
   * which rolls the transaction back.
   */
  completeWithin(manager: EntityManager, result: unknown): Promise<void>;

  /** Called after the transaction that ran `completeWithin` committed. */
  markCommitted(): void;
}

const storage = new AsyncLocalStorage<PendingIdempotencyClaim>();

/** The claim of the idempotent request being served (AsyncLocalStorage). */
export const IdempotencyScope = {
  run<T>(claim: PendingIdempotencyClaim, fn: () => T): T {
    return storage.run(claim, fn);
  },
  /** The current request's claim while its completion has not committed yet. */
  pending(): PendingIdempotencyClaim | undefined {
    const claim = storage.getStore();
    return claim && !claim.committed ? claim : undefined;
  },
};
