import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, QueryFailedError, ReplicationMode } from 'typeorm';
import type { MysqlDriver } from 'typeorm/driver/mysql/MysqlDriver';
import { MetricsService } from '../observability/metrics.service';
import { isNodeUnavailableError } from './mysql-errors';
import { ReadYourWrites } from './read-your-writes';
import { ReplicaLagMonitor } from './replica-lag-monitor';
import { safeErrorMessage } from '../observability/safe-error';
import { QUERY_TIMEOUT_MS } from './typeorm-options';

/** The part of a mysql2 pool connection (callback API) a read uses. */
interface PoolConnection {
  query(
    options: { sql: string; timeout: number },
    values: unknown[],
    callback: (error: Error | null, rows: unknown) => void,
  ): void;
  release(): void;
}

export interface ReadOptions {
  /** `strong` always reads the primary (for reads that must see every commit). */
  readonly consistency?: 'eventual' | 'strong';
}

/**
 * The query side's door to MySQL. Runs read-model SQL on a replica, except when the caller must read their own
 * recent write or no replica is usable; a replica that fails mid-request is
 * retried on the primary at once. mysql2's pool cluster takes a failed replica
 * out and tries it again after `restoreNodeTimeout`.
 */
@Injectable()
export class ReadDatabase {
  private readonly logger = new Logger(ReadDatabase.name);
  private readonly strongScope = new AsyncLocalStorage<true>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly lag: ReplicaLagMonitor,
    private readonly readYourWrites: ReadYourWrites,
    private readonly metrics: MetricsService,
  ) {}

  async query<T>(
    sql: string,
    parameters: readonly unknown[] = [],
    options: ReadOptions = {},
  ): Promise<T[]> {
    const reason = await this.primaryReason(options);
    if (reason !== undefined) {
      this.metrics.dbReads.inc({ target: 'primary', reason });
      return this.run<T>('master', sql, parameters);
    }
    try {
      const rows = await this.run<T>('slave', sql, parameters);
      this.metrics.dbReads.inc({ target: 'replica', reason: 'default' });
      return rows;
    } catch (error) {
      if (!isNodeUnavailableError(error)) throw error;
      this.logger.warn(`replica read failed, using the primary: ${safeErrorMessage(error)}`);
      this.metrics.dbReads.inc({ target: 'primary', reason: 'replica_failed' });
      return this.run<T>('master', sql, parameters);
    }
  }

  /** Runs `work` with every read inside it on the primary (e.g. refilling a cache right after a write). */
  strongly<T>(work: () => Promise<T>): Promise<T> {
    return this.strongScope.run(true, work);
  }

  /**
   * Runs `work` after writes made at `writtenAt` (epoch ms, or `'unknown'`
   * when the caller could not tell): on the primary while any of them may not
   * be on every replica yet, else routed as usual. The replica-or-primary
   * decision stays here; callers (the cache) only say when data was written.
   */
  readingAfter<T>(
    writtenAt: ReadonlyArray<number | 'unknown'>,
    work: () => Promise<T>,
  ): Promise<T> {
    const ahead = writtenAt.some((time) => this.readYourWrites.isAhead(time));
    return ahead ? this.strongly(work) : work();
  }

  private async primaryReason(options: ReadOptions): Promise<string | undefined> {
    if (!this.lag.hasReplicas()) return 'no_replica';
    if (options.consistency === 'strong' || this.strongScope.getStore()) return 'strong';
    if (!this.lag.usable()) return 'replica_unusable';
    if (await this.readYourWrites.requiresPrimary()) return 'read_your_writes';
    return undefined;
  }

  /**
   * One statement on a connection of TypeORM's pool cluster (a replica for
   * `slave`, round robin, failed nodes left out as configured), as TypeORM's
   * query runner sends it (same timeout, errors logged and wrapped in
   * QueryFailedError), without a query runner and mysql2's promise wrapper,
   * which captured a stack per query: a tenth of an uncached detail's CPU.
   */
  private async run<T>(
    mode: ReplicationMode,
    sql: string,
    parameters: readonly unknown[],
  ): Promise<T[]> {
    const driver = this.dataSource.driver as MysqlDriver;
    const connection = (await (mode === 'slave'
      ? driver.obtainSlaveConnection()
      : driver.obtainMasterConnection())) as PoolConnection;
    const values = [...parameters];
    try {
      return await new Promise<T[]>((resolve, reject) =>
        connection.query({ sql, timeout: QUERY_TIMEOUT_MS }, values, (error, rows) =>
          error ? reject(error) : resolve(rows as T[]),
        ),
      );
    } catch (error) {
      this.dataSource.logger.logQueryError(error as Error, sql, values);
      throw new QueryFailedError(sql, values, error as Error);
    } finally {
      connection.release();
    }
  }
}
