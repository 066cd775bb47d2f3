import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface TransactionState {
  readonly manager: EntityManager;
  readonly afterCommit: Array<() => Promise<void> | void>;
  /** Users whose data the transaction changes (read-your-writes after commit). */
  readonly writers: Set<string>;
}

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

  /** True inside a transaction. */
  active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  run<T>(state: TransactionState, fn: () => Promise<T>): Promise<T> {
    return this.storage.run(state, fn);
  }

  current(): TransactionState | undefined {
    return this.storage.getStore();
  }
}
