/**
 * Runs application work in one database transaction on the primary.
 * Repositories and the outbox called inside `run` join that transaction.
 */
export abstract class UnitOfWork {
  /**
   * Runs `work` in a transaction and commits it; rolls back if it throws.
   * A deadlock or lock-wait timeout is retried a bounded number of times, so
   * `work` must be safe to run again (it must only touch the database).
   * A nested call joins the outer transaction.
   */
  abstract run<T>(work: () => Promise<T>): Promise<T>;

  /**
   * Registers a callback that runs after the current transaction commits
   * (cache evictions, notifications to in-process listeners). Never runs on
   * rollback. Outside a transaction it runs at once. Failures are logged and
   * swallowed: the commit already happened.
   */
  abstract afterCommit(callback: () => Promise<void> | void): void;

  /**
   * Declares that the current transaction changes data of this user, so that
   * after commit the user reads their own writes even from lagging replicas.
   * The authenticated caller is always included; call this for writes made on
   * behalf of someone not yet authenticated (sign-up, login).
   */
  abstract attributeTo(userId: string): void;
}
