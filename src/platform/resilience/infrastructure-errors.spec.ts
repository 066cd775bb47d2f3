import { isTransientInfrastructureError } from './infrastructure-errors';
import { TimeoutError } from './timeout.error';

const withCode = (code: string, message = 'driver error') =>
  Object.assign(new Error(message), { code });

describe(isTransientInfrastructureError.name, () => {
  const sut = isTransientInfrastructureError;

  it('recognises our own TimeoutError', () => {
    expect(sut(new TimeoutError('redis get', 100))).toBe(true);
  });

  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'ENOTFOUND',
    'PROTOCOL_CONNECTION_LOST',
    'POOL_CLOSED',
    'ER_CON_COUNT_ERROR',
    'ER_SERVER_SHUTDOWN',
    'ER_LOCK_WAIT_TIMEOUT',
    'ER_LOCK_DEADLOCK',
  ])('recognises a driver error with code %s', (code) => {
    expect(sut(withCode(code))).toBe(true);
  });

  it('recognises a plain object carrying a connection code (mysql2 style)', () => {
    expect(sut({ code: 'ECONNREFUSED', errno: -111 })).toBe(true);
  });

  it('looks into the driverError of a TypeORM error', () => {
    const typeormError = Object.assign(new Error('Query failed'), {
      driverError: withCode('ECONNRESET'),
    });

    expect(sut(typeormError)).toBe(true);
  });

  it.each([
    'Connection is closed.',
    "Stream isn't writeable and enableOfflineQueue options is false",
    'Command timed out',
    'Pool does Not have online node',
    "Can't add new command when connection is in closed state",
  ])('recognises the client message %j', (message) => {
    expect(sut(new Error(message))).toBe(true);
  });

  it.each([
    ['a plain Error', new Error('Cannot read properties of undefined')],
    ['a duplicate key', withCode('ER_DUP_ENTRY', "Duplicate entry 'a' for key 'uq'")],
    ['an SQL syntax error', withCode('ER_PARSE_ERROR')],
    [
      'a TypeORM error wrapping an SQL error',
      Object.assign(new Error('x'), { driverError: withCode('ER_NO_SUCH_TABLE') }),
    ],
    ['a non-string code', { code: 503 }],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('does not treat %s as transient', (_label, error) => {
    expect(sut(error)).toBe(false);
  });
});
