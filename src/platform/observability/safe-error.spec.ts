import { QueryFailedError } from 'typeorm';
import { safeErrorMessage, serializeError } from './safe-error';

const EMAIL = 'leak.canary@example.com';
const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$canaryhash';

/** What mysql2 throws on a duplicate e-mail, wrapped by TypeORM as it does at runtime. */
function duplicateEntry(): QueryFailedError {
  const driverError = Object.assign(
    new Error(`Duplicate entry '${EMAIL}' for key 'uq_users_email'`),
    {
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sqlState: '23000',
      sqlMessage: `Duplicate entry '${EMAIL}' for key 'uq_users_email'`,
      sql: `INSERT INTO users (email, password_hash) VALUES ('${EMAIL}', '${HASH}')`,
    },
  );
  return new QueryFailedError(
    'INSERT INTO users (email, password_hash) VALUES (?, ?)',
    [EMAIL, HASH],
    driverError,
  );
}

describe('safe error logging', () => {
  it('keeps the code, numbers and SQL text of a database error, never its values', () => {
    const error = duplicateEntry();
    const logged = JSON.stringify(serializeError(error));

    expect(logged).not.toContain(EMAIL);
    expect(logged).not.toContain('canaryhash');
    expect(serializeError(error)).toMatchObject({
      type: 'QueryFailedError',
      message: 'ER_DUP_ENTRY (errno 1062, sqlState 23000)',
      code: 'ER_DUP_ENTRY',
      errno: 1062,
      sql: 'INSERT INTO users (email, password_hash) VALUES (?, ?)',
    });
    expect((serializeError(error) as { stack: string }).stack).toMatch(
      /^QueryFailedError: ER_DUP_ENTRY \(errno 1062, sqlState 23000\)\n\s+at /,
    );
    expect(safeErrorMessage(error)).toBe('ER_DUP_ENTRY (errno 1062, sqlState 23000)');
  });

  it('scrubs a database error found as the cause of another', () => {
    const error = new Error('order failed', { cause: duplicateEntry() });
    const logged = JSON.stringify(serializeError(error));
    expect(logged).toContain('order failed');
    expect(logged).toContain('ER_DUP_ENTRY');
    expect(logged).not.toContain(EMAIL);
  });

  it('keeps the message of other errors, and copies no other field', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), {
      code: 'ECONNREFUSED',
      config: { password: 'secret-canary' },
    });
    const logged = serializeError(error) as Record<string, unknown>;
    expect(logged.message).toBe('connect ECONNREFUSED 127.0.0.1:6390');
    expect(logged.code).toBe('ECONNREFUSED');
    expect(JSON.stringify(logged)).not.toContain('secret-canary');
  });
});
