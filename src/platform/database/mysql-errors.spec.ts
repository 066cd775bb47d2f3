import {
  duplicateKeyName,
  isCheckConstraintError,
  isDuplicateKeyError,
  isNodeUnavailableError,
  isRetryableTransactionError,
} from './mysql-errors';

/** What mysql2 throws for a server error. */
const serverError = (errno: number, code: string, message = `${code}: failed`) =>
  Object.assign(new Error(message), { errno, code, sqlState: 'HY000' });

/** What TypeORM throws around it (QueryFailedError keeps the driver error). */
const wrapped = (driverError: unknown) => Object.assign(new Error('Query failed'), { driverError });

const DEADLOCK = serverError(1213, 'ER_LOCK_DEADLOCK');
const LOCK_WAIT = serverError(1205, 'ER_LOCK_WAIT_TIMEOUT');
const DUPLICATE = serverError(
  1062,
  'ER_DUP_ENTRY',
  "Duplicate entry 'a@b.c' for key 'users.uq_users_email'",
);
const CHECK_MYSQL = serverError(3819, 'ER_CHECK_CONSTRAINT_VIOLATED');
const CHECK_MARIADB = serverError(4025, 'ER_CONSTRAINT_FAILED');
const PARSE = serverError(1064, 'ER_PARSE_ERROR');

describe('mysql-errors', () => {
  describe(isRetryableTransactionError.name, () => {
    const sut = isRetryableTransactionError;

    it.each([
      ['a deadlock', DEADLOCK],
      ['a lock wait timeout', LOCK_WAIT],
      ['a wrapped deadlock', wrapped(DEADLOCK)],
    ])('is true for %s', (_label, error) => {
      expect(sut(error)).toBe(true);
    });

    it.each([
      ['a duplicate key', DUPLICATE],
      ['a syntax error', PARSE],
      ['a plain error', new Error('x')],
      ['null', null],
    ])('is false for %s', (_label, error) => {
      expect(sut(error)).toBe(false);
    });
  });

  describe(isDuplicateKeyError.name, () => {
    const sut = isDuplicateKeyError;

    it('is true for errno 1062, for the code alone and when wrapped', () => {
      expect(sut(DUPLICATE)).toBe(true);
      expect(sut({ code: 'ER_DUP_ENTRY' })).toBe(true);
      expect(sut(wrapped(DUPLICATE))).toBe(true);
    });

    it('is false for other errors', () => {
      expect(sut(DEADLOCK)).toBe(false);
      expect(sut(CHECK_MYSQL)).toBe(false);
      expect(sut(undefined)).toBe(false);
    });
  });

  describe(isCheckConstraintError.name, () => {
    const sut = isCheckConstraintError;

    it('is true for the MySQL and the MariaDB errno, also when wrapped', () => {
      expect(sut(CHECK_MYSQL)).toBe(true);
      expect(sut(CHECK_MARIADB)).toBe(true);
      expect(sut(wrapped(CHECK_MARIADB))).toBe(true);
    });

    it('is false for other errors', () => {
      expect(sut(DUPLICATE)).toBe(false);
      expect(sut(new Error('x'))).toBe(false);
    });
  });

  describe(duplicateKeyName.name, () => {
    const sut = duplicateKeyName;

    it('reads the index name from a MySQL 8 message (table-qualified)', () => {
      expect(sut(DUPLICATE)).toBe('uq_users_email');
    });

    it('reads the index name from a MariaDB message', () => {
      expect(sut(new Error("Duplicate entry 'x.y@z.com' for key 'uq_users_email'"))).toBe(
        'uq_users_email',
      );
    });

    it('is undefined when the message names no key', () => {
      expect(sut(new Error('Deadlock found'))).toBeUndefined();
      expect(sut(null)).toBeUndefined();
    });
  });

  describe(isNodeUnavailableError.name, () => {
    const sut = isNodeUnavailableError;

    it.each([
      [
        'a refused connection',
        Object.assign(new Error('connect ECONNREFUSED'), { errno: -111, code: 'ECONNREFUSED' }),
      ],
      [
        'a lost connection',
        Object.assign(new Error('Connection lost'), { code: 'PROTOCOL_CONNECTION_LOST' }),
      ],
      ['too many connections', serverError(1040, 'ER_CON_COUNT_ERROR')],
      ['a server shutting down', serverError(1053, 'ER_SERVER_SHUTDOWN')],
      ['a client-side server-gone error', serverError(2013, 'CR_SERVER_LOST')],
      ['a wrapped refused connection', wrapped({ code: 'ECONNREFUSED' })],
    ])('is true for %s', (_label, error) => {
      expect(sut(error)).toBe(true);
    });

    it.each([
      ['a syntax error', PARSE],
      ['a missing table', serverError(1146, 'ER_NO_SUCH_TABLE')],
      ['a server error code without errno', { code: 'ER_BAD_FIELD_ERROR' }],
      ['a wrapped syntax error', wrapped(PARSE)],
    ])('is false for %s: the same SQL would fail on any node', (_label, error) => {
      expect(sut(error)).toBe(false);
    });
  });
});
