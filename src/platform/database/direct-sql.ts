import {
  Logger as TypeOrmLogger,
  QueryFailedError,
  QueryRunner,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';
import { SqlRunner } from './keyset-batches';

/** The part of mysql2's callback connection this uses (TypeORM's mysql driver loads `mysql2`). */
interface CallbackConnection {
  query(
    options: { sql: string; timeout?: number },
    values: unknown[] | undefined,
    callback: (error: Error | null, result: unknown) => void,
  ): unknown;
}

/**
 * The statements of a UnitOfWork sent straight to the mysql2 connection its
 * TypeORM query runner holds (ADR 0071), without TypeORM's per-statement
 * work (a promise wrapper per call, query events, a copied result). What
 * TypeORM did for a statement is kept: the statement timeout, the slow and
 * failed statement log (SQL text, never the values: the data source's own
 * logger), the error as a QueryFailedError carrying the driver's code and
 * errno (mysql-errors.ts reads them), and no statement after release.
 * Transaction start, COMMIT and ROLLBACK stay with TypeORM, which tracks them.
 */
export class DirectSql implements SqlRunner {
  constructor(
    private readonly runner: QueryRunner,
    private readonly logger: TypeOrmLogger,
    /** mysql2's per-statement timeout, as TypeORM's `enableQueryTimeout` sets it. */
    private readonly timeoutMs: number | undefined,
  ) {}

  query<T = unknown>(sql: string, values?: unknown[]): Promise<T> {
    if (this.runner.isReleased) return Promise.reject(new QueryRunnerAlreadyReleasedError());
    const connection = (this.runner as unknown as { databaseConnection: CallbackConnection })
      .databaseConnection;
    // Not connected yet (never the case inside a transaction): TypeORM's own path.
    if (!connection) return this.runner.query(sql, values) as Promise<T>;
    const started = Date.now();
    return new Promise<T>((resolve, reject) => {
      connection.query({ sql, timeout: this.timeoutMs }, values, (error, result) => {
        const elapsed = Date.now() - started;
        if (this.timeoutMs !== undefined && elapsed > this.timeoutMs)
          this.logger.logQuerySlow(elapsed, sql, values, this.runner);
        if (error) {
          this.logger.logQueryError(error, sql, values, this.runner);
          reject(new QueryFailedError(sql, values, error));
        } else {
          resolve(result as T);
        }
      });
    });
  }
}
