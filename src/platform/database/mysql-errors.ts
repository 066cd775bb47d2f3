function field(error: unknown, name: 'code' | 'errno'): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as Record<string, unknown>;
  return record[name] ?? (record.driverError as Record<string, unknown> | undefined)?.[name];
}

/** Deadlock (1213) or lock wait timeout (1205): the transaction may be retried. */
export function isRetryableTransactionError(error: unknown): boolean {
  const errno = field(error, 'errno');
  return errno === 1213 || errno === 1205;
}

/** A UNIQUE or PRIMARY KEY violation (1062). */
export function isDuplicateKeyError(error: unknown): boolean {
  return field(error, 'errno') === 1062 || field(error, 'code') === 'ER_DUP_ENTRY';
}

/** A CHECK constraint violation (MySQL 3819, MariaDB 4025). */
export function isCheckConstraintError(error: unknown): boolean {
  const errno = field(error, 'errno');
  return errno === 3819 || errno === 4025;
}

/** The name of the violated unique index, when the server says it. */
export function duplicateKeyName(error: unknown): string | undefined {
  const message = (error as { message?: string } | null)?.message ?? '';
  return /for key '(?:[^.']+\.)?([^']+)'/.exec(message)?.[1];
}

/**
 * True when a read failed because the node could not be reached or answered too
 * late, not because the SQL was wrong: the same read may succeed elsewhere.
 */
export function isNodeUnavailableError(error: unknown): boolean {
  const errno = field(error, 'errno');
  const code = field(error, 'code');
  if (
    typeof errno === 'number' &&
    errno >= 1000 &&
    errno < 2000 &&
    errno !== 1040 &&
    errno !== 1053
  )
    return false;
  if (
    typeof code === 'string' &&
    code.startsWith('ER_') &&
    !['ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN'].includes(code)
  ) {
    return false;
  }
  return true;
}
