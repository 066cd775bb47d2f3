import { createHmac, randomUUID } from 'node:crypto';
import { TEST_JWT_SECRET } from './env';

const b64 = (value: object | string): string =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** Signs arbitrary JWTs, to forge the tokens an attacker would try. */
export function signJwt(
  claims: Record<string, unknown>,
  options: { alg?: string; secret?: string; header?: Record<string, unknown> } = {},
): string {
  const header = { alg: options.alg ?? 'HS256', typ: 'JWT', ...options.header };
  const unsigned = `${b64(header)}.${b64(claims)}`;
  if (header.alg === 'none') return `${unsigned}.`;
  const signature = createHmac('sha256', options.secret ?? TEST_JWT_SECRET)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

/** Claims of a valid access token for `userId`, overridable per test. */
export function accessClaims(
  userId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    role: 'CUSTOMER',
    sid: randomUUID(),
    typ: 'access',
    jti: randomUUID(),
    iat: now,
    exp: now + 900,
    iss: 'hexashop',
    aud: 'hexashop-api',
    ...overrides,
  };
}

/** Decodes a JWT's payload without checking it. */
export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
