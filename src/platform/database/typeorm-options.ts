import { readFileSync } from 'node:fs';
import type { SecureContextOptions } from 'node:tls';
import type { ConnectionOptions } from 'mysql2';
import { DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../config/app-config';
import { ConfigError } from '../config/config.error';
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
  const ssl = mysqlSsl(database.primaryUrl, database.replicaUrls);
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
    ...(ssl ? { ssl } : {}),
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

export type MysqlSsl = SecureContextOptions & {
  rejectUnauthorized: boolean;
  minVersion: 'TLSv1.2';
  checkServerIdentity?: () => undefined;
};

const SSL_MODES = ['DISABLED', 'PREFERRED', 'REQUIRED', 'VERIFY_CA', 'VERIFY_IDENTITY'];

/**
 * mysql2's `ssl` option from the URL's `ssl-mode` and `ssl-ca` parameters
 * (the MySQL client's names). TypeORM drops a URL's query string and passes
 * one `ssl` to every node, so the replicas must ask for the same as the
 * primary. `REQUIRED` encrypts without checking the certificate,
 * `VERIFY_CA` checks it against `ssl-ca`, `VERIFY_IDENTITY` also checks the
 * host name. Absent or `DISABLED`: plain TCP (`PREFERRED` is treated as
 * `REQUIRED`: a silent downgrade is not a mode we offer).
 */
export function mysqlSsl(
  primaryUrl: string,
  replicaUrls: readonly string[] = [],
): MysqlSsl | undefined {
  const [mode, caPath] = sslParams(primaryUrl, 'DATABASE_URL');
  for (const url of replicaUrls) {
    const [replicaMode, replicaCa] = sslParams(url, 'DATABASE_REPLICA_URLS');
    if (replicaMode !== mode || replicaCa !== caPath)
      throw new ConfigError(
        'DATABASE_REPLICA_URLS',
        'must use the same ssl-mode and ssl-ca as DATABASE_URL (one TLS setting for every node)',
      );
  }
  if (mode === 'DISABLED') return undefined;
  let ca: string | undefined;
  if (caPath) {
    try {
      ca = readFileSync(caPath, 'utf8');
    } catch {
      throw new ConfigError('DATABASE_URL', `ssl-ca: cannot read ${caPath}`);
    }
  }
  if ((mode === 'VERIFY_CA' || mode === 'VERIFY_IDENTITY') && !ca)
    throw new ConfigError('DATABASE_URL', `ssl-mode=${mode} needs ssl-ca=/path/to/ca.pem`);
  const base = { minVersion: 'TLSv1.2' as const, ...(ca ? { ca } : {}) };
  if (mode === 'VERIFY_IDENTITY') return { ...base, rejectUnauthorized: true };
  if (mode === 'VERIFY_CA')
    return { ...base, rejectUnauthorized: true, checkServerIdentity: () => undefined };
  return { ...base, rejectUnauthorized: false };
}

/**
 * mysql2 options of one connection of its own to the node at `url` (outside the
 * pools: the topology's writable probes), with the same TLS as the pools: the
 * `ssl-mode`/`ssl-ca` parameters become mysql2's `ssl` and leave the URI, which
 * mysql2 would otherwise ignore and connect in clear text.
 */
export function mysqlNodeOptions(url: string, connectTimeout: number): ConnectionOptions {
  const ssl = mysqlSsl(url);
  const uri = new URL(url);
  uri.searchParams.delete('ssl-mode');
  uri.searchParams.delete('ssl-ca');
  // the same object TypeORM hands to mysql2 for the pools
  return {
    uri: uri.toString(),
    connectTimeout,
    ...(ssl ? { ssl: ssl as ConnectionOptions['ssl'] } : {}),
  };
}

function sslParams(url: string, variable: string): [string, string | undefined] {
  const params = new URL(url).searchParams;
  const mode = (params.get('ssl-mode') ?? 'DISABLED').toUpperCase();
  if (!SSL_MODES.includes(mode))
    throw new ConfigError(variable, `ssl-mode must be one of ${SSL_MODES.join(', ')}`);
  return [mode === 'PREFERRED' ? 'REQUIRED' : mode, params.get('ssl-ca') ?? undefined];
}
