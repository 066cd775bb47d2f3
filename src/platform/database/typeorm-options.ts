import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { TypeOrmSafeLogger } from './typeorm-safe.logger';

/** Longest a single statement may run before mysql2 gives up on it. */
export const QUERY_TIMEOUT_MS = 10_000;

/**
 * TypeORM options for the primary and its replicas. Everything uses the
 * primary by default; only `createQueryRunner('slave')` picks a replica (round-robin).
 * A replica that errors is taken out of rotation and retried after one second
 * (`restoreNodeTimeout`), instead of being dropped for good (mysql2's default).
 */
export function typeOrmOptions(database: DatabaseConfig): DataSourceOptions {
  const shared = {
    type: 'mysql' as const,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    connectTimeout: 2000,
    enableQueryTimeout: true,
    maxQueryExecutionTime: QUERY_TIMEOUT_MS,
    supportBigNumbers: true,
    bigNumberStrings: false,
    synchronize: false,
    migrationsRun: false,
    logger: new TypeOrmSafeLogger(),
    logging: ['error' as const, 'warn' as const],
    extra: {
      connectionLimit: database.poolSize,
      maxIdle: database.poolSize,
      idleTimeout: 60_000,
      enableKeepAlive: true,
      keepAliveInitialDelay: 10_000,
    },
  };
  if (database.replicaUrls.length === 0) return { ...shared, url: database.primaryUrl };
  return {
    ...shared,
    replication: {
      master: { url: database.primaryUrl },
      slaves: database.replicaUrls.map((url) => ({ url })),
      canRetry: true,
      removeNodeErrorCount: 1,
      restoreNodeTimeout: 1000,
      selector: 'RR',
      // find*/query builders go to the primary unless a replica runner is asked for
      // explicitly (ReadDatabase): command-side reads must never see replica lag.
      defaultMode: 'master',
    },
  };
}
