import { randomBytes } from 'node:crypto';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { SHIPPING_ADDRESS } from '../support/addresses';
import { Db } from '../support/db';
import { logInAsAdmin, waitUntil } from '../support/fixtures';
import { metricSum } from '../support/metrics';
import { HttpClient, HttpResult, RequestOptions } from '../support/http';
import { SmtpSink } from '../support/smtp';

/**
 * Issue 9.4: no personal data or secret in any log line. Known values are
 * planted (e-mail, password, a wrong password, access and refresh tokens,
 * Idempotency-Key), every path that used to leak or could leak is driven
 * (sign-up and a duplicate one, login, failed login, refresh and refresh
 * reuse, an order, an unexpected database error on a statement that carries
 * the e-mail and the password hash as parameters, a job that fails to its
 * last attempt with the e-mail as recipient, a logout, an admin redrive and
 * a lockout), then the API's and the worker's whole output is searched for
 * each value. Issue 9.5: the same run must leave one structured security
 * event per login, failure, lockout, refresh reuse, logout and redrive.
 */
/** Every request as if from `address`, through a trusted proxy: lockouts stay on this test's address. */
class ForwardedClient extends HttpClient {
  constructor(
    baseUrl: string,
    private readonly address: string,
  ) {
    super(baseUrl);
  }

  override request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    return super.request<T>(method, path, body, {
      ...options,
      headers: { 'x-forwarded-for': this.address, ...options.headers },
    });
  }
}

describe('log privacy (e2e)', () => {
  const canary = randomBytes(6).toString('hex');
  const clientAddress = `2001:db8::${canary.slice(0, 4)}:${canary.slice(4, 8)}`;
  const email = `leak.canary.${canary}@example.com`;
  const failingEmail = `leak.dbfail.${canary}@example.com`;
  const password = `Canary-Pw-${canary}!`;
  const wrongPassword = `Canary-Wrong-${canary}!`;
  const idempotencyKey = `canary-idem-${canary}`;
  const probeName = `Leak Probe ${canary}`;
  const constraint = `leak_probe_${canary}`;
  const planted: Record<string, string> = {
    email,
    failingEmail,
    'local part of the e-mail': `leak.canary.${canary}`,
    password,
    wrongPassword,
    idempotencyKey,
  };

  let api: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;
  let canaryUserId = '';
  let lockedOutAdminId = '';
  /** The `sub` of an access token (a user id). */
  const userIdOf = (accessToken: string): string =>
    (JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { sub: string })
      .sub;

  beforeAll(async () => {
    // The welcome e-mail to the planted address fails at every attempt: a job failure.
    await SmtpSink.setRules([{ match: `leak.canary.${canary}`, action: 'reject' }]);
    [api, worker] = await Promise.all([
      startApi({ LOGIN_MAX_FAILURES: '3', TRUST_PROXY: 'true' }, { waitFor: 'ready' }),
      startWorker({ JOB_ATTEMPTS: '2', JOB_BACKOFF_MS: '100' }, { waitFor: 'ready' }),
    ]);
    client = new ForwardedClient(`${api.url}/api/v1`, clientAddress);
  });

  afterAll(async () => {
    await Db.rows(`ALTER TABLE users DROP CONSTRAINT ${constraint}`).catch(() => undefined);
    await SmtpSink.clearRules();
    await Promise.all([api?.stop(), worker?.stop()]);
    await Db.end();
  });

  it('drives every path, and no planted value appears in any API or worker log line', async () => {
    // sign-up, then the same address again
    const signup = await client.post('/auth/signup', { email, password, name: 'Canary' });
    expect(signup.status).toBe(201);
    const userId = signup.body.id as string;
    const duplicate = await client.post('/auth/signup', { email, password, name: 'Canary' });
    expect(duplicate.status).toBe(409);

    // login, failed login
    const login = await client.post('/auth/login', { email, password });
    expect(login.status).toBe(200);
    const first = login.body as { accessToken: string; refreshToken: string };
    planted.accessToken = first.accessToken;
    planted.refreshToken = first.refreshToken;
    expect((await client.post('/auth/login', { email, password: wrongPassword })).status).toBe(401);

    // refresh, refresh again, then the first (spent, its successor used): reuse detected
    const second = await client.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    planted.secondRefreshToken = second.body.refreshToken as string;
    planted.secondAccessToken = second.body.accessToken as string;
    const third = await client.post('/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
    planted.thirdAccessToken = third.body.accessToken as string;
    planted.thirdRefreshToken = third.body.refreshToken as string;
    const reuse = await client.post('/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('REFRESH_TOKEN_REUSED');

    // an order, with the planted Idempotency-Key, by a fresh login of the same user
    const again = await client.post('/auth/login', { email, password });
    expect(again.status).toBe(200);
    const token = again.body.accessToken as string;
    planted.orderAccessToken = token;
    planted.orderRefreshToken = again.body.refreshToken as string;
    const charge = await client.post(
      '/wallet/charges',
      { amount: 1_000_000 },
      { token, headers: { 'idempotency-key': `${idempotencyKey}-charge` } },
    );
    expect(charge.status).toBe(201);
    const products = await client.get('/products?limit=1&sort=price_asc');
    const productId = (products.body.items as { id: string }[])[0]!.id;
    const order = await client.post(
      '/orders',
      { items: [{ productId, quantity: 1 }], address: SHIPPING_ADDRESS },
      { token, headers: { 'idempotency-key': idempotencyKey } },
    );
    expect(order.status).toBe(201);

    // an unexpected database error on an INSERT whose parameters hold an e-mail and a password hash
    // (users' columns are sealed now, so a CHECK on the name cannot match: a
    // trigger refuses the row instead, and the failed INSERT's parameters still
    // carry the password hash and the sealed values)
    await Db.rows(
      `CREATE TRIGGER ${constraint} BEFORE INSERT ON users FOR EACH ROW ` +
        `SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'leak probe refuses the row'`,
    );
    try {
      const failed = await client.post('/auth/signup', {
        email: failingEmail,
        password,
        name: probeName,
      });
      expect(failed.status).toBe(500);
    } finally {
      await Db.rows(`DROP TRIGGER IF EXISTS ${constraint}`);
    }

    // the welcome e-mail job fails to its last attempt and becomes a dead letter
    expect(
      await waitUntil(
        async () =>
          (
            await Db.rows('SELECT 1 FROM dead_letters WHERE payload LIKE ? OR payload LIKE ?', [
              `%${userId}%`,
              `%${canary}%`,
            ])
          ).length > 0,
        30_000,
        100,
      ),
    ).toBe(true);

    // logout, an admin redrive of the dead letter, then a lockout (last: it locks this client address)
    const logout = await client.post('/auth/logout', {}, { token });
    expect(logout.status).toBe(204);
    const admin = await logInAsAdmin(client);
    planted.adminAccessToken = admin;
    const [deadLetter] = await Db.rows<{ id: string }>(
      'SELECT id FROM dead_letters WHERE payload LIKE ? OR payload LIKE ? LIMIT 1',
      [`%${userId}%`, `%${canary}%`],
    );
    const redrive = await client.post(
      `/admin/dead-letters/${deadLetter!.id}/redrive`,
      {},
      { token: admin },
    );
    expect(redrive.status).toBe(202);
    lockedOutAdminId = userIdOf(admin);
    for (let attempt = 0; attempt < 3; attempt++)
      await client.post('/auth/login', { email, password: wrongPassword });
    const locked = await client.post('/auth/login', { email, password });
    expect(locked.status).toBe(429);
    canaryUserId = userId;

    const apiLog = api.logs();
    const workerLog = worker.logs();
    // No log line quotes a planted value...
    const leaks: string[] = [];
    for (const [what, value] of Object.entries(planted)) {
      for (const [processName, log] of [
        ['api', apiLog],
        ['worker', workerLog],
      ] as const) {
        const line = log.split('\n').find((l) => l.toLowerCase().includes(value.toLowerCase()));
        if (line) leaks.push(`${processName} logged the ${what}: ${line.slice(0, 300)}`);
      }
    }
    expect(leaks).toEqual([]);
    // ...and the failures were logged, so the search was not vacuous.
    expect(apiLog).toContain('request failed');
    expect(apiLog).toMatch(/ER_SIGNAL_EXCEPTION|errno 1644/);
    expect(workerLog).toContain('dead letter');
  });

  it('wrote one structured security event per login, failure, lockout, refresh reuse, logout and redrive, and counted them', async () => {
    const events = api
      .logs()
      .split('\n')
      .filter((line) => line.includes('"securityEvent"'))
      .map(
        (line) =>
          JSON.parse(line) as {
            securityEvent: string;
            userId: string | null;
            clientAddress: string | null;
            reqId: string | null;
          },
      );
    const mine = (name: string, userId: string | null) =>
      events.filter((event) => event.securityEvent === name && event.userId === userId);
    expect(mine('login_succeeded', canaryUserId).length).toBe(2);
    expect(mine('login_failed', canaryUserId).length).toBeGreaterThanOrEqual(2);
    expect(mine('refresh_token_reused', canaryUserId)).toHaveLength(1);
    expect(mine('logged_out', canaryUserId)).toHaveLength(1);
    expect(mine('dead_letter_redrive_requested', lockedOutAdminId)).toHaveLength(1);
    expect(
      events.filter((event) => event.securityEvent === 'login_locked_out').length,
    ).toBeGreaterThanOrEqual(1);
    for (const event of events) {
      expect(event.clientAddress).toBe(clientAddress);
      expect(event.reqId).toMatch(/\S/);
      expect(JSON.stringify(event)).not.toContain('example.com');
    }
    for (const event of [
      'login_succeeded',
      'login_failed',
      'login_locked_out',
      'refresh_token_reused',
      'logged_out',
      'dead_letter_redrive_requested',
    ])
      expect(
        await metricSum(api.url, 'hexashop_security_events_total', { event }),
      ).toBeGreaterThanOrEqual(1);
    expect(
      await metricSum(api.url, 'hexashop_security_events_total', { event: 'role_changed' }),
    ).toBe(0);
  });
});
