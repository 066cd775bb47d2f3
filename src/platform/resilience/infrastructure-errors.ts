import { TimeoutError } from './timeout.error';

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'POOL_CLOSED',
  'POOL_NONEONLINE',
  'POOL_NOEXIST',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK',
  'ER_QUERY_TIMEOUT',
  'ER_STATEMENT_TIMEOUT',
]);

const CONNECTION_MESSAGES = [
  'Pool does Not have online node',
  "Stream isn't writeable",
  'Connection is closed',
  'Command timed out',
  "Can't add new command when connection is in closed state",
  'Query inactivity timeout',
  'connect ETIMEDOUT',
];

function codeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { code?: unknown; driverError?: unknown };
  if (typeof record.code === 'string') return record.code;
  return record.driverError ? codeOf(record.driverError) : undefined;
}

/**
 * True when the error means a dependency (database, Redis) is unreachable,
 * overloaded or too slow, rather than that the request itself is wrong: the
 * client should be told 503 and may retry.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  if (error instanceof TimeoutError) return true;
  const code = codeOf(error);
  if (code !== undefined && CONNECTION_CODES.has(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return CONNECTION_MESSAGES.some((fragment) => message.includes(fragment));
}
