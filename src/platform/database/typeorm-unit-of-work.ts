import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { RequestContext } from '../request-context/request-context';
import { isTransientInfrastructureError } from '../resilience/infrastructure-errors';
import { DatabaseTopology } from './database-topology';
import { DirectSql } from './direct-sql';
import { IdempotencyScope } from './idempotency-scope';
import { isRetryableTransactionError } from './mysql-errors';
import { ReadYourWrites } from './read-your-writes';
import { TransactionContext, TransactionState } from './transaction-context';
import { safeErrorMessage } from '../observability/safe-error';

const MAX_ATTEMPTS = 4;

/**
 * UnitOfWork on the primary: one READ COMMITTED transaction per `run`,
 * whose plain statements (TransactionContext.sql) go straight to the query
 * runner's mysql2 connection (ADR 0071),
 * retried on deadlock or lock wait timeout with jittered backoff. After commit
 * it records that the caller wrote (read-your-writes) and runs the
 * after-commit callbacks (cache evictions).
 *
 * While the DatabaseTopology has no writable primary, `run` answers 503 at
 * once, and a transaction whose connection the topology closed (primary lost
 * mid-way) ends with the same 503 (ADR 0016).
 *
 * On an idempotent request (IdempotencyScope holds a claim), the outermost
 * transaction also completes the Idempotency-Key record with the value `work`
 * returned, right before COMMIT: the stored response commits with the writes
 * or not at all. A retried attempt completes it again in its own transaction,
 * so it is completed once per successful commit (ADR 0011).
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  private readonly logger = new Logger(TypeOrmUnitOfWork.name);
  /** The per-statement timeout TypeORM gives its own statements (`enableQueryTimeout`). */
  private readonly timeoutMs: number | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly context: TransactionContext,
    private readonly readYourWrites: ReadYourWrites,
    private readonly topology: DatabaseTopology,
  ) {
    super();
    const options = dataSource.options as {
      enableQueryTimeout?: boolean;
      maxQueryExecutionTime?: number;
    };
    this.timeoutMs = options.enableQueryTimeout ? options.maxQueryExecutionTime : undefined;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.context.active()) return work();
    // No write target (primary down, frozen or fenced): 503 now, not after the driver's timeouts.
    this.topology.assertWritable();
    const claim = IdempotencyScope.pending();
    for (let attempt = 1; ; attempt++) {
      const state: TransactionState = {
        manager: this.dataSource.manager,
        sql: this.dataSource.manager,
        afterCommit: [],
        writers: new Set(),
        memberKeys: new Map(),
      };
      try {
        const result = await this.dataSource.transaction('READ COMMITTED', async (manager) => {
          const sql = new DirectSql(manager.queryRunner!, this.dataSource.logger, this.timeoutMs);
          const value = await this.context.run({ ...state, manager, sql }, work);
          if (claim) await claim.completeWithin(manager, value);
          return value;
        });
        claim?.markCommitted();
        await this.committed(state);
        return result;
      } catch (error) {
        // The topology closed the connection under us (the primary was lost mid-transaction):
        // the node rolls back what it had; the client gets the same fast 503.
        if (isTransientInfrastructureError(error)) this.topology.assertWritable();
        if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
        this.logger.warn(`transaction retry ${attempt} after ${safeErrorMessage(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 20));
      }
    }
  }

  afterCommit(callback: () => Promise<void> | void): void {
    const state = this.context.current();
    if (state) state.afterCommit.push(callback);
    else void this.invoke(callback);
  }

  attributeTo(userId: string): void {
    this.context.current()?.writers.add(userId);
  }

  private async committed(state: TransactionState): Promise<void> {
    const caller = RequestContext.current()?.userId;
    if (caller) state.writers.add(caller);
    for (const userId of state.writers) this.readYourWrites.markWrite(userId);
    await Promise.all(state.afterCommit.map((callback) => this.invoke(callback)));
  }

  private async invoke(callback: () => Promise<void> | void): Promise<void> {
    try {
      await callback();
    } catch (error) {
      this.logger.error(`after-commit callback failed: ${safeErrorMessage(error)}`);
    }
  }
}
