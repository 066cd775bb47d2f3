import { UnitOfWork } from '../unit-of-work.port';

/**
 * In-memory state that can take part in a fake transaction: `checkpoint()`
 * captures the current state and returns a function that restores it.
 */
export interface Transactional {
  checkpoint(): () => void;
}

export interface Attribution {
  readonly userId: string;
  /** The transaction the call was made in; undefined outside `run`. */
  readonly transaction: number | undefined;
}

/**
 * Runs work at once as a numbered "transaction". Enlisted in-memory stores are
 * restored when the work throws; after-commit callbacks run only after work
 * that succeeded (and at once outside a transaction, like the real adapter).
 * A nested `run` joins the outer transaction. Fakes may read
 * `currentTransaction` to record where their writes happened.
 */
export class ImmediateUnitOfWork extends UnitOfWork {
  /** Every `attributeTo` call, in order. */
  readonly attributions: Attribution[] = [];
  /** Ids of committed transactions, in order. */
  readonly committed: number[] = [];
  /** Ids of rolled-back transactions, in order. */
  readonly rolledBack: number[] = [];

  private readonly participants: Transactional[] = [];
  private active: { id: number; afterCommit: Array<() => Promise<void> | void> } | undefined;
  private lastId = 0;

  /** The id of the running transaction, undefined outside `run`. */
  get currentTransaction(): number | undefined {
    return this.active?.id;
  }

  /** Registers a store whose state is restored when a transaction rolls back. */
  enlist(participant: Transactional): void {
    this.participants.push(participant);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active) return work();
    this.lastId += 1;
    const transaction = { id: this.lastId, afterCommit: [] as Array<() => Promise<void> | void> };
    const restores = this.participants.map((participant) => participant.checkpoint());
    this.active = transaction;
    let result: T;
    try {
      result = await work();
    } catch (error) {
      this.active = undefined;
      for (const restore of restores) restore();
      this.rolledBack.push(transaction.id);
      throw error;
    }
    this.active = undefined;
    this.committed.push(transaction.id);
    for (const callback of transaction.afterCommit) await this.invoke(callback);
    return result;
  }

  afterCommit(callback: () => Promise<void> | void): void {
    if (this.active) this.active.afterCommit.push(callback);
    else void this.invoke(callback);
  }

  attributeTo(userId: string): void {
    this.attributions.push({ userId, transaction: this.currentTransaction });
  }

  private async invoke(callback: () => Promise<void> | void): Promise<void> {
    try {
      await callback();
    } catch {
      // Like the real adapter: the commit already happened, failures are swallowed.
    }
  }
}
