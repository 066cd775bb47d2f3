import { emailIndex } from '../support/personal-data';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { signUpAndLogIn, uniqueEmail } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { accessClaims, decodeJwt, signJwt } from '../support/jwt';

describe('Identity (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  const secrets: string[] = [];

  beforeAll(async () => {
    app = await startApi({ LOG_LEVEL: 'debug' });
    api = apiClient(app.url);
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  describe('sign-up', () => {
    it('creates a customer with a normalised email and returns it without secrets', async () => {
      const local = uniqueEmail('Mixed');
      const password = 'sign-up-password-1';
      secrets.push(password);
      const response = await api.post('/auth/signup', {
        email: `  ${local.toUpperCase()}  `,
        password,
        name: ' Jane ',
      });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email: local.toLowerCase(),
        name: 'Jane',
        role: 'CUSTOMER',
      });
      const [row] = await Db.rows<{ password_hash: string }>(
        'SELECT password_hash FROM users WHERE id = ?',
        [response.body.id],
      );
      expect(row?.password_hash).toMatch(/^\$argon2id\$/);
      expect(row?.password_hash).not.toContain(password);
    });

    it('rejects a second account for the same email, ignoring case, with 409 EMAIL_TAKEN', async () => {
      const email = uniqueEmail();
      expect(
        (await api.post('/auth/signup', { email, password: 'password-123', name: 'A' })).status,
      ).toBe(201);
      const again = await api.post('/auth/signup', {
        email: email.toUpperCase(),
        password: 'password-123',
        name: 'B',
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMAIL_TAKEN');
      expect(again.headers.get('content-type')).toContain('application/problem+json');
      const rows = await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]);
      expect(rows).toHaveLength(1);
    });

    it('stores exactly one account when the same email signs up 10 times at once', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          api.post('/auth/signup', { email, password: 'password-123', name: 'Racer' }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(9);
      expect(
        await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]),
      ).toHaveLength(1);
    });

    it.each([
      ['a short password', { password: 'short' }, 'password'],
      ['a password over 72 characters', { password: 'x'.repeat(73) }, 'password'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['an empty name', { name: '' }, 'name'],
      ['a name over 50 characters', { name: 'n'.repeat(51) }, 'name'],
      ['a number as name', { name: 42 }, 'name'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
      ['a role chosen by the client', { role: 'ADMIN' }, 'role'],
    ])(
      'rejects %s with 400 VALIDATION_FAILED naming the field and writes nothing',
      async (_label, change, field) => {
        const email = uniqueEmail('bad');
        const response = await api.post('/auth/signup', {
          email,
          password: 'password-123',
          name: 'Valid',
          ...change,
        });
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
        expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
        expect(
          await Db.rows('SELECT id FROM users WHERE email_bidx = ?', [emailIndex(email)]),
        ).toHaveLength(0);
      },
    );
  });

  describe('login, profile, refresh and logout', () => {
    it('logs in and reads the profile', async () => {
      const user = await signUpAndLogIn(api);
      secrets.push(user.password, user.accessToken, user.refreshToken);
      const claims = decodeJwt(user.accessToken);
      expect(claims).toMatchObject({
        sub: user.id,
        iss: 'hexashop',
        aud: 'hexashop-api',
        typ: 'access',
        role: 'CUSTOMER',
      });
      expect((claims.exp as number) - (claims.iat as number)).toBe(900);
      const me = await api.get('/users/me', { token: user.accessToken });
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: user.id,
        email: user.email,
        name: 'Test User',
        phone: null,
        role: 'CUSTOMER',
        createdAt: expect.any(String),
      });
    });

    it('answers a wrong password and an unknown email alike with 401 INVALID_CREDENTIALS', async () => {
      const user = await signUpAndLogIn(api);
      const wrong = await api.post('/auth/login', {
        email: user.email,
        password: 'wrong-password',
      });
      const unknown = await api.post('/auth/login', {
        email: uniqueEmail('ghost'),
        password: 'wrong-password',
      });
      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.body.code).toBe('INVALID_CREDENTIALS');
      }
    });

    it('rotates refresh tokens: the new pair works, and reuse after the grace revokes the whole family', async () => {
      const user = await signUpAndLogIn(api);
      const first = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
      expect(first.status).toBe(200);
      expect(first.body.refreshToken).not.toBe(user.refreshToken);
      const second = await api.post('/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);

      // The grace window (5 s) covers a client retrying after a lost response:
      // it gets the successor the first rotation minted, not a second one.
      const retry = await api.post('/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(retry.status).toBe(200);
      expect(retry.body.refreshToken).toBe(second.body.refreshToken);

      await new Promise((resolve) => setTimeout(resolve, 5_500));
      const reuse = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
      expect(reuse.status).toBe(401);
      expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');

      // The family is revoked: the newest refresh token and its access token stop working too.
      const newest = await api.post('/auth/refresh', { refreshToken: second.body.refreshToken });
      expect(newest.status).toBe(401);
      expect((await api.get('/users/me', { token: second.body.accessToken })).status).toBe(401);
      const [session] = await Db.rows<{ revoked_reason: string }>(
        'SELECT revoked_reason FROM auth_sessions WHERE id = ?',
        [decodeJwt(user.accessToken).sid],
      );
      expect(session?.revoked_reason).toBe('REUSE');
    });

    it('serialises concurrent refreshes of one token: all winners share one successor, never two live tokens', async () => {
      const user = await signUpAndLogIn(api);
      const sessionId = decodeJwt(user.accessToken).sid;
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          api.post('/auth/refresh', { refreshToken: user.refreshToken }),
        ),
      );
      const ok = results.filter((r) => r.status === 200);
      expect(ok.length).toBeGreaterThan(0);
      for (const failed of results.filter((r) => r.status !== 200)) expect(failed.status).toBe(401);
      expect(new Set(ok.map((r) => r.body.refreshToken)).size).toBe(1);
      const [live] = await Db.rows<{ n: number }>(
        'SELECT COUNT(*) AS n FROM refresh_tokens WHERE session_id = ? AND used_at IS NULL',
        [sessionId],
      );
      expect(Number(live?.n)).toBe(1);
      // The one successor rotates once, like any token.
      const next = await api.post('/auth/refresh', { refreshToken: ok[0]!.body.refreshToken });
      expect(next.status).toBe(200);
      expect(decodeJwt(next.body.accessToken).sid).toBe(sessionId);
    });

    it('answers a replay within the grace with the same successor, and revokes the family once that successor was used', async () => {
      const user = await signUpAndLogIn(api);
      const first = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
      expect(first.status).toBe(200);

      const replay = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
      expect(replay.status).toBe(200);
      expect(replay.body.refreshToken).toBe(first.body.refreshToken);
      expect((await api.get('/users/me', { token: replay.body.accessToken })).status).toBe(200);

      const second = await api.post('/auth/refresh', { refreshToken: first.body.refreshToken });
      expect(second.status).toBe(200);
      // Still inside the grace, but the successor was spent: someone else holds the family.
      const late = await api.post('/auth/refresh', { refreshToken: user.refreshToken });
      expect(late.status).toBe(401);
      expect(late.body.code).toBe('REFRESH_TOKEN_REUSED');
      expect(
        (await api.post('/auth/refresh', { refreshToken: second.body.refreshToken })).status,
      ).toBe(401);
    });

    it('logout stops the access token and the refresh family at once', async () => {
      const user = await signUpAndLogIn(api);
      const other = await api.post('/auth/login', { email: user.email, password: user.password });
      expect(
        (
          await api.post(
            '/auth/logout',
            { refreshToken: user.refreshToken },
            { token: user.accessToken },
          )
        ).status,
      ).toBe(204);
      expect((await api.get('/users/me', { token: user.accessToken })).status).toBe(401);
      expect((await api.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(
        401,
      );
      // Another login session of the same user is untouched.
      expect((await api.get('/users/me', { token: other.body.accessToken })).status).toBe(200);
    });

    it('logout without a body ends the session of the access token', async () => {
      const user = await signUpAndLogIn(api);
      expect((await api.post('/auth/logout', undefined, { token: user.accessToken })).status).toBe(
        204,
      );
      expect((await api.post('/auth/refresh', { refreshToken: user.refreshToken })).status).toBe(
        401,
      );
    });
  });

  describe('access tokens', () => {
    let userId: string;

    beforeAll(async () => {
      userId = (await signUpAndLogIn(api)).id;
    });

    it('accepts a correctly signed token (control for the cases below)', async () => {
      expect((await api.get('/users/me', { token: signJwt(accessClaims(userId)) })).status).toBe(
        200,
      );
    });

    it.each([
      ['alg none', () => signJwt(accessClaims(userId), { alg: 'none' })],
      [
        'a wrong signature',
        () =>
          signJwt(accessClaims(userId), { secret: 'another-secret-that-is-long-enough-012345' }),
      ],
      ['HS512 with the right secret', () => signJwt(accessClaims(userId), { alg: 'HS512' })],
      ['a wrong issuer', () => signJwt(accessClaims(userId, { iss: 'evil' }))],
      ['a wrong audience', () => signJwt(accessClaims(userId, { aud: 'other-api' }))],
      [
        'an expired token',
        () => signJwt(accessClaims(userId, { exp: Math.floor(Date.now() / 1000) - 5 })),
      ],
      ['a refresh-type token', () => signJwt(accessClaims(userId, { typ: 'refresh' }))],
      [
        'a tampered payload',
        () => {
          const [header, , signature] = signJwt(accessClaims(userId)).split('.');
          const forged = Buffer.from(
            JSON.stringify(accessClaims(userId, { role: 'ADMIN' })),
          ).toString('base64url');
          return `${header}.${forged}.${signature}`;
        },
      ],
      ['garbage', () => 'not.a.jwt'],
    ])('rejects %s with 401 UNAUTHORIZED', async (_label, token) => {
      const response = await api.get('/users/me', { token: token() });
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });

    it('requires a token on protected routes', async () => {
      const response = await api.get('/users/me');
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHORIZED');
    });

    it('forbids customers from admin routes with 403 FORBIDDEN', async () => {
      const response = await api.get('/admin/queues', { token: signJwt(accessClaims(userId)) });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    });
  });

  it('never writes passwords or tokens to the logs', async () => {
    // Give pino a moment to flush, then search everything this process logged.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const logs = app.logs();
    expect(logs).toContain('"url":"/api/v1/auth/login"');
    expect(secrets.length).toBeGreaterThan(3);
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/\$argon2id\$/);
    expect(logs).not.toMatch(/"authorization"\s*:\s*"Bearer/i);
  });
});

describe('Login brute force (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  // Each test acts from its own address (through a trusted proxy), so counters of other tests do not interfere.
  const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });

  beforeAll(async () => {
    app = await startApi({ LOGIN_MAX_FAILURES: '5', TRUST_PROXY: 'true' });
    api = apiClient(app.url);
  });

  afterAll(() => app.stop());

  it('answers 429 RATE_LIMITED with Retry-After after LOGIN_MAX_FAILURES failures for one email, even with the right password and from elsewhere', async () => {
    const user = await signUpAndLogIn(api, 'brute');
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await api.post(
            '/auth/login',
            { email: user.email, password: `wrong-${i}` },
            from(`10.1.0.${i + 1}`),
          )
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await api.post(
      '/auth/login',
      { email: user.email, password: user.password },
      from('10.1.0.99'),
    );
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits one client address trying many emails', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push(
        (
          await api.post(
            '/auth/login',
            { email: uniqueEmail('spray'), password: 'guess' },
            from('10.2.0.1'),
          )
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another address is not affected.
    const elsewhere = await api.post(
      '/auth/login',
      { email: uniqueEmail('spray'), password: 'guess' },
      from('10.2.0.2'),
    );
    expect(elsewhere.status).toBe(401);
  });
});
