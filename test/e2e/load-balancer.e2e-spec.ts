import { AppProcess, freePort, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { waitUntil } from '../support/fixtures';
import { HttpsClient, waitForLb } from '../support/load-balancer';
import { rankedQuantity } from '../support/ranking';
import { Shop } from '../support/shop';
import { SmtpSink } from '../support/smtp';
import { Stack } from '../support/stack';
import { LoadOutcome, SteadyLoad } from '../support/steady-load';
import { requireEnv } from '../support/env';

/**
 * Through the stack's HAProxy (docker/haproxy/haproxy.cfg, HTTPS) in front of
 * two real API instances, with the worker, MariaDB primary + replica, Redis
 * and the SMTP sink: a rolling restart, a Redis outage and a SIGKILLed
 * instance, each under steady load of catalog reads and orders.
 */

/** compose's SHUTDOWN_DRAIN_MS: longer than HAProxy needs to take an instance out. */
const DRAIN_MS = 5_000;
/** HAProxy's bound to mark a dead instance DOWN: inter 2 s + fastinter 1 s x (fall 2 - 1) + timeout check 2 s. */
const CHECK_BOUND_MS = 2_000 + 1_000 + 2_000;
const API_ENV = { TRUST_PROXY: 'true', SHUTDOWN_DRAIN_MS: String(DRAIN_MS) };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('Load balancer: HAProxy in front of two API instances (e2e)', () => {
  const ports: number[] = [];
  const apis: AppProcess[] = [];
  let worker: AppProcess;
  let client: HttpsClient;
  let shop: Shop;

  const bothUp = (s: Record<string, string>): boolean => s.api1 === 'UP' && s.api2 === 'UP';

  async function buyers(count: number, prefix: string): Promise<Customer[]> {
    const customers = await createCustomers(count, prefix);
    for (const customer of customers) await shop.fund(customer, 1_000_000);
    return customers;
  }

  function load(productId: string, customers: Customer[]): SteadyLoad {
    return SteadyLoad.start(client, {
      reads: [
        `/products/${productId}`,
        `/products?categoryId=${shop.categoryId}`,
        '/products/popular',
      ],
      readers: 3,
      buyers: customers,
      productId,
      pauseMs: 20,
      orderPauseMs: 100,
    });
  }

  /** Every order answered 201 exists once, and no other order was made for these buyers. */
  async function expectOrdersOnce(outcomes: LoadOutcome[], customers: Customer[]): Promise<void> {
    const answered = outcomes.filter((o) => o.kind === 'order' && o.status === 201);
    const ids = new Set(answered.map((o) => o.orderId));
    expect(ids.size).toBe(answered.length);
    const rows = await Db.rows<{ id: string }>(
      `SELECT id FROM orders WHERE user_id IN (${customers.map(() => '?').join(',')})`,
      customers.map((c) => c.id),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  }

  function summary(name: string, outcomes: LoadOutcome[], extra = ''): void {
    const reads = outcomes.filter((o) => o.kind === 'read').length;
    const orders = outcomes.filter((o) => o.kind === 'order').length;
    const failed = outcomes.filter((o) => o.status !== (o.kind === 'read' ? 200 : 201)).length;
    process.stdout.write(`${name}: ${reads} reads, ${orders} orders, ${failed} failed${extra}\n`);
  }

  async function startInstance(index: number): Promise<AppProcess> {
    apis[index] = await startApi(API_ENV, { waitFor: 'ready', port: ports[index] });
    return apis[index]!;
  }

  beforeAll(async () => {
    ports.push(await freePort(), await freePort());
    [worker] = await Promise.all([
      startWorker({}, { waitFor: 'ready' }),
      startInstance(0),
      startInstance(1),
    ]);
    await Stack.lbServers(`127.0.0.1:${ports[0]}`, `127.0.0.1:${ports[1]}`);
    expect(await waitForLb(bothUp)).toBeGreaterThanOrEqual(0);
    client = new HttpsClient(requireEnv('LB_URL'));
    shop = await Shop.open(client, 'load-balancer');
  });

  afterAll(async () => {
    await Stack.start('redis');
    await Promise.all([...apis.map((api) => api.stop()), worker?.stop()]);
    await Stack.lbServers('127.0.0.1:9', '127.0.0.1:9');
    client?.close();
    await Db.end();
  });

  it('rolls both instances in turn under load: 0 failed requests, 0 duplicated orders', async () => {
    const product = await shop.createProduct(1_000_000, 100);
    const customers = await buyers(2, 'lb-roll');
    const traffic = load(product, customers);
    await sleep(500);
    for (const [index, name] of [
      [0, 'api1'],
      [1, 'api2'],
    ] as const) {
      // SIGTERM: readiness 503 at once, HAProxy takes it out, it closes after the drain.
      expect(await apis[index]!.stop()).toBe(0);
      await startInstance(index);
      expect(await waitForLb((s) => s[name] === 'UP')).toBeGreaterThanOrEqual(0);
    }
    await sleep(500);
    const outcomes = await traffic.stop();
    summary('rolling restart', outcomes);
    expect(traffic.failures()).toEqual([]);
    expect(traffic.orders().length).toBeGreaterThan(0);
    await expectOrdersOnce(outcomes, customers);
  }, 120_000);

  it('keeps serving with Redis stopped for 20 s (0 5xx) and delivers every e-mail and ranking event once after', async () => {
    const product = await shop.createProduct(1_000_000, 100);
    const customers = await buyers(2, 'lb-redis');
    // Redis restarts empty (no persistence): ranking counts applied before the
    // stop would be lost with it (runbook), so the load starts once it is down.
    await Stack.stop('redis');
    const traffic = load(product, customers);
    await sleep(20_000);
    await Stack.start('redis');
    await sleep(500);
    const outcomes = await traffic.stop();
    summary('redis stopped 20 s', outcomes);
    expect(outcomes.filter((o) => o.status >= 500 || o.status === 0)).toEqual([]);
    expect(traffic.failures()).toEqual([]);
    await expectOrdersOnce(outcomes, customers);

    const ordered = new Map<string, number>();
    for (const o of traffic.orders()) ordered.set(o.customer!, (ordered.get(o.customer!) ?? 0) + 1);
    const total = traffic.orders().length;
    const expected = {
      confirmations: Object.fromEntries(customers.map((c) => [c.email, ordered.get(c.id) ?? 0])),
      ranked: total,
    };
    const actual = async (): Promise<typeof expected> => {
      const confirmations: Record<string, number> = {};
      for (const customer of customers)
        confirmations[customer.email] = (await SmtpSink.messagesTo(customer.email)).filter((m) =>
          /confirmed/.test(m.subject),
        ).length;
      return { confirmations, ranked: await rankedQuantity(product) };
    };
    const same = async (): Promise<boolean> =>
      JSON.stringify(await actual()) === JSON.stringify(expected);
    await waitUntil(same, 90_000, 500);
    expect(await actual()).toEqual(expected);
    // Once: nothing more arrives a moment later.
    await sleep(1_500);
    expect(await actual()).toEqual(expected);
  }, 180_000);

  it('takes a SIGKILLed instance out within its check interval; only requests in flight on it fail', async () => {
    const product = await shop.createProduct(1_000_000, 100);
    const customers = await buyers(2, 'lb-kill');
    const traffic = load(product, customers);
    await sleep(1_000);
    // SIGKILL takes effect when the process is gone (ms to 100s of ms on a busy machine).
    let diedAt = 0;
    let inFlightAtDeath = 0;
    apis[0]!.process.once('exit', () => {
      diedAt = Date.now();
      inFlightAtDeath = traffic.pending;
    });
    apis[0]!.process.kill('SIGKILL');
    await apis[0]!.exited;
    const downMs = await waitForLb((s) => s.api1 === 'DOWN', 10_000, 20);
    await sleep(1_500);
    const outcomes = await traffic.stop();
    const failed = traffic.failures();
    summary(
      'api1 SIGKILLed',
      outcomes,
      `; DOWN ${downMs} ms after it died; ${inFlightAtDeath} requests in flight (both instances) when it died; ${failed.length} of them failed`,
    );
    expect(downMs).toBeGreaterThanOrEqual(0);
    expect(downMs).toBeLessThanOrEqual(CHECK_BOUND_MS);
    // Failures are requests already sent when the instance died: none started after.
    expect(failed.filter((o) => o.startedAt > diedAt)).toEqual([]);
    // At most one request per load loop can be in flight at once (3 readers, 2 buyers);
    // the count at the exit event is a floor only (the failed ones were answered before it).
    expect(failed.length).toBeLessThanOrEqual(5);
    await expectOrdersOnce(outcomes, customers);

    // Restore the pair for whatever runs next.
    await startInstance(0);
    expect(await waitForLb(bothUp)).toBeGreaterThanOrEqual(0);
  }, 60_000);
});
