/**
 * What of an error may reach a log line. Database drivers quote values in
 * their messages (`Duplicate entry 'ann@example.com' for key ...`) and
 * TypeORM's QueryFailedError carries the statement's `parameters` (e-mails,
 * password and token hashes) and the driver error with the values spliced
 * into `sql`. So for a database error only the error code, errno, SQL state
 * and the SQL text with its `?` placeholders are kept, never the message,
 * the parameters or the driver's formatted statement. Other errors keep
 * their message. Every logged `err` goes through `serializeError` (pino
 * serializer, see logger.options.ts); log lines built by hand use
 * `safeErrorMessage`.
 */

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  errno?: unknown;
  sqlState?: unknown;
  sqlMessage?: unknown;
  query?: unknown;
  driverError?: unknown;
  parameters?: unknown;
  cause?: unknown;
  statusCode?: unknown;
  status?: unknown;
}

const MAX_SQL = 300;

/** True for mysql2 errors and TypeORM's QueryFailedError (and anything carrying a driver error). */
export function isDatabaseError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorLike;
  return (
    e.name === 'QueryFailedError' ||
    e.driverError !== undefined ||
    e.sqlMessage !== undefined ||
    e.sqlState !== undefined ||
    e.parameters !== undefined ||
    (typeof e.code === 'string' && /^ER_/.test(e.code))
  );
}

/** One line safe to log: a database error's code and numbers, any other error's message. */
export function safeErrorMessage(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as ErrorLike;
  if (!isDatabaseError(error)) return typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.code === 'string' ? e.code : 'database error';
  const numbers = [
    typeof e.errno === 'number' ? `errno ${e.errno}` : undefined,
    typeof e.sqlState === 'string' ? `sqlState ${e.sqlState}` : undefined,
  ].filter(Boolean);
  return numbers.length > 0 ? `${code} (${numbers.join(', ')})` : code;
}

/** The SQL text with placeholders, on one line and cut short; never the parameters. */
export function sqlText(query: string): string {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SQL ? `${flat.slice(0, MAX_SQL)}…` : flat;
}

/** pino's `err` serializer: an allow-list of fields, with a database error's message replaced. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (typeof error !== 'object' || error === null) return error;
  const e = error as ErrorLike;
  const type =
    typeof e.name === 'string' && e.name !== ''
      ? e.name
      : ((error as object).constructor?.name ?? 'Error');
  const database = isDatabaseError(error);
  const message = safeErrorMessage(error);
  const out: Record<string, unknown> = { type, message };
  if (typeof e.stack === 'string') out.stack = database ? restack(e.stack, type, message) : e.stack;
  if (typeof e.code === 'string' || typeof e.code === 'number') out.code = e.code;
  if (typeof e.errno === 'number') out.errno = e.errno;
  if (typeof e.sqlState === 'string') out.sqlState = e.sqlState;
  if (database && typeof e.query === 'string') out.sql = sqlText(e.query);
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  else if (typeof e.status === 'number') out.status = e.status;
  if (e.cause !== undefined && depth < 3) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

/** The stack trace's frames under a first line that no longer quotes the driver's message. */
function restack(stack: string, type: string, message: string): string {
  const firstFrame = stack.search(/\n\s+at /);
  return `${type}: ${message}${firstFrame < 0 ? '' : stack.slice(firstFrame)}`;
}
