import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers } from '../support/customers';
import { Db } from '../support/db';
import { uniqueEmail, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { rankedQuantity } from '../support/ranking';
import { readiness, waitForDependency } from '../support/readiness';
import { charge, placeOrder, Shop } from '../support/shop';
import { SmtpSink } from '../support/smtp';
import { Stack } from '../support/stack';

/** Low enough that the requests below exceed it: only a limiter that fails open lets them all through. */
const RATE_LIMIT_RPM = 20;
/**
 * No request waits on the missing Redis. One that waited on the queue client
 * would take its 2 s command timeout; this bound sits below that and leaves room
 * for a loaded machine (1,083 ms was seen for one read with load average 8).
 */
const NO_WAIT_MS = 1_800;
/** Cache reads and writes time out after 100 ms each: a typical read that waited on them would exceed this. */
const TYPICAL_READ_MS = 150;

describe('Redis outage (e2e)', () => {
  let api: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;
  let shop: Shop;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ RATE_LIMIT_RPM: String(RATE_LIMIT_RPM) }, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    client = apiClient(api.url);
    shop = await Shop.open(client, 'redis-outage');
  });

  afterAll(async () => {
    await Stack.start('redis');
    await Promise.all([api.stop(), worker.stop()]);
    await Db.end();
  });

  it('stays ready (Redis degraded), serves reads and commands, fails rate limits open, and delivers the waiting events once Redis is back', async () => {
    const product = await shop.createProduct(100, 1_000);
    const [buyer] = await createCustomers(1, 'no-redis');
    await shop.fund(buyer!, 50_000);

    await Stack.stop('redis');
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    expect(await waitForDependency(api.url, 'redis', 'degraded', 3_000)).toBe(true);
    const ready = await readiness(api.url);
    expect(ready.httpStatus).toBe(200);
    expect(ready.details.redis).toMatchObject({ status: 'up', state: 'degraded' });
    expect(ready.details.primary).toMatchObject({ status: 'up', state: 'ok' });

    // Commands: sign-up, login, a charge and an order, each within 1 s.
    const email = uniqueEmail('no-redis');
    const signUp = await client.post('/auth/signup', {
      email,
      password: 'password-123',
      name: 'Offline',
    });
    expect(signUp.status).toBe(201);
    expect(signUp.ms).toBeLessThan(NO_WAIT_MS);
    const login = await client.post('/auth/login', { email, password: 'password-123' });
    expect(login.status).toBe(200);
    expect(login.ms).toBeLessThan(NO_WAIT_MS);
    const me = await client.get('/users/me', { token: login.body.accessToken });
    expect(me.status).toBe(200);
    const charged = await charge(client, buyer!, 1_000);
    expect(charged.status).toBe(201);
    expect(charged.ms).toBeLessThan(NO_WAIT_MS);
    const ordered = await placeOrder(client, buyer!, [{ productId: product, quantity: 3 }]);
    expect(ordered.status).toBe(201);
    expect(ordered.ms).toBeLessThan(NO_WAIT_MS);

    // Catalog reads from the database, more of them than the rate limit allows.
    const reads = [
      `/products/${product}`,
      `/products?categoryId=${shop.categoryId}`,
      '/products/popular',
    ];
    const statuses: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < RATE_LIMIT_RPM + 5; i += 1) {
      const response = await client.get(reads[i % reads.length]!);
      expect(response.ms).toBeLessThan(NO_WAIT_MS);
      statuses.push(response.status);
      times.push(response.ms);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
    expect(median).toBeLessThan(TYPICAL_READ_MS);

    // Events waited in the outbox.
    const [waiting] = await Db.rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM outbox_events WHERE published_at IS NULL AND aggregate_id = ?',
      [ordered.body.id],
    );
    expect(Number(waiting!.n)).toBeGreaterThan(0);

    await Stack.start('redis');
    expect(await waitForDependency(api.url, 'redis', 'ok', 10_000)).toBe(true);
    expect(await SmtpSink.waitFor(email, /Welcome/, 1, 30_000)).toHaveLength(1);
    expect(await SmtpSink.waitFor(buyer!.email, /confirmed/, 1, 30_000)).toHaveLength(1);
    expect(await waitUntil(async () => (await rankedQuantity(product)) === 3, 30_000)).toBe(true);
    // Limits apply again once Redis answers: the same burst now meets 429s.
    const after: number[] = [];
    for (let i = 0; i < RATE_LIMIT_RPM + 5; i += 1)
      after.push((await client.get(`/products/${product}`)).status);
    expect(after).toContain(429);
    // Delivered once: a second look finds no duplicate e-mail and no double count.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await SmtpSink.messagesTo(email)).toHaveLength(1);
    expect(await SmtpSink.messagesTo(buyer!.email)).toHaveLength(1);
    expect(await rankedQuantity(product)).toBe(3);
  });
});
