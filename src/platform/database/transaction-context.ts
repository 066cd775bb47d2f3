import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SqlRunner } from './keyset-batches';

export interface TransactionState {
  readonly manager: EntityManager;
  /** The same transaction's connection for plain SQL, without TypeORM's per-statement work (ADR 0071). */
  readonly sql: SqlRunner;
  readonly afterCommit: Array<() => Promise<void> | void>;
  /** Users whose data the transaction changes (read-your-writes after commit). */
  readonly writers: Set<string>;
  /**
   * Member secrets this transaction has read or created, by user id: the
   * vault is read once per transaction however many values it seals
   * (an order's address copy and its stored response).
   */
  readonly memberKeys: Map<string, Buffer>;
}

/** The state of each running transaction by its manager (see TransactionContext.of). */
const byManager = new WeakMap<EntityManager, TransactionState>();

/**
 * Holds the current transaction's EntityManager in AsyncLocalStorage so that
 * repositories join the UnitOfWork's transaction without passing it around.
 */
@Injectable()
export class TransactionContext {
  private readonly storage = new AsyncLocalStorage<TransactionState>();

  constructor(private readonly dataSource: DataSource) {}

  /** The transaction's manager inside `UnitOfWork.run`, else the primary's. */
  manager(): EntityManager {
    return this.storage.getStore()?.manager ?? this.dataSource.manager;
  }

  /**
   * Plain SQL on the transaction's connection inside `UnitOfWork.run`, else
   * on the primary. Same statements, parameters and results as
   * `manager().query`, for a fraction of its CPU (ADR 0071).
   */
  sql(): SqlRunner {
    return this.storage.getStore()?.sql ?? this.dataSource.manager;
  }

  /** True inside a transaction. */
  active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  /**
   * The state of the transaction that `manager` belongs to, for code that is
   * handed the manager instead of running inside `run` (the UnitOfWork
   * completes an Idempotency-Key claim that way, right before COMMIT).
   */
  static of(manager: EntityManager): TransactionState | undefined {
    return byManager.get(manager);
  }

  run<T>(state: TransactionState, fn: () => Promise<T>): Promise<T> {
    if (state.manager !== this.dataSource.manager) byManager.set(state.manager, state);
    return this.storage.run(state, fn);
  }

  current(): TransactionState | undefined {
    return this.storage.getStore();
  }
}
