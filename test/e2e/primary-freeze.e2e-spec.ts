import { AppProcess, startApi } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { apiClient, HttpClient } from '../support/http';
import { OrderLoad, shopState } from '../support/order-load';
import { waitForDependency } from '../support/readiness';
import { Shop } from '../support/shop';
import { Stack } from '../support/stack';

const CUSTOMERS = 12;
const STOCK = 100_000;
const PRICE = 100;

/**
 * Issue 14.3 and 14.4: the primary frozen (SIGSTOP: it accepts connections and
 * answers nothing) for 3 s while customers place orders. Commands get a 503
 * with Retry-After within about a second, not after the driver's timeouts; once
 * the primary answers, every Idempotency-Key is usable at once (no 409
 * IDEMPOTENCY_IN_PROGRESS left by requests that ended in 503) and nothing is
 * half-done: orders, stock, payments and ledgers agree.
 */
describe('Frozen primary (e2e)', () => {
  let api: AppProcess;
  let client: HttpClient;
  let customers: Customer[];
  let product: string;

  beforeAll(async () => {
    api = await startApi({}, { waitFor: 'ready' });
    client = apiClient(api.url);
    const shop = await Shop.open(client, 'primary-freeze');
    product = await shop.createProduct(STOCK, PRICE);
    customers = await createCustomers(CUSTOMERS, 'freeze');
    for (const customer of customers) await shop.fund(customer, 1_000_000);
  });

  afterAll(async () => {
    await Stack.signal('primary', 'CONT').catch(() => undefined);
    await api.stop();
    await Db.end();
  });

  it('answers 503 with Retry-After within a second, then every key is usable at once and nothing is half-done', async () => {
    const load = new OrderLoad(client, customers, product);
    load.start();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const frozenAt = Date.now();
    await Stack.signal('primary', 'STOP');
    try {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    } finally {
      await Stack.signal('primary', 'CONT');
    }
    const thawedAt = Date.now();
    expect(await waitForDependency(api.url, 'primary', 'ok', 5_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await load.stop();

    // Every key the clients still held: usable at once (201, new or replayed).
    const retried = await Promise.all(
      load.unfinishedKeys().map(({ customer, key }) => load.retry(customer, key)),
    );
    expect(retried.filter((attempt) => attempt.status !== 201)).toEqual([]);

    const attempts = load.attempts;
    const during = attempts.filter((a) => a.sentAt >= frozenAt && a.sentAt < thawedAt);
    const unavailable = attempts.filter((a) => a.status === 503);
    const firstUnavailable = Math.min(...unavailable.map((a) => a.answeredAt)) - frozenAt;
    const slowest = Math.max(...during.map((a) => a.answeredAt - a.sentAt));
    process.stdout.write(
      `frozen primary: ${attempts.length} attempts, ${unavailable.length} answered 503, ` +
        `first 503 ${firstUnavailable} ms after SIGSTOP, slowest answer during the freeze ${slowest} ms, ` +
        `${load.createdByKey().size} orders\n`,
    );

    // Only 201 and 503 SERVICE_UNAVAILABLE with Retry-After: no 409 IDEMPOTENCY_IN_PROGRESS, no 500.
    expect(attempts.filter((a) => a.status !== 201 && a.status !== 503)).toEqual([]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const attempt of unavailable) {
      expect(attempt.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(attempt.retryAfter)).toBeGreaterThanOrEqual(1);
    }
    // Nothing waited for the driver's timeouts (2 s connect, 10 s statement).
    expect(slowest).toBeLessThan(2_000);

    // Nothing half-done: each key one order, every 201 stored, stock and money agree.
    const created = load.createdByKey();
    for (const ids of created.values()) expect(ids.size).toBe(1);
    const state = await shopState(customers, product);
    expect(state.orders).toBe(created.size);
    for (const ids of created.values()) expect(state.orderIds.has([...ids][0]!)).toBe(true);
    expect(state.stock).toBe(STOCK - state.unitsOrdered);
    expect(state.unitsOrdered).toBe(state.orders);
    expect(state.ledgerMismatches).toBe(0);
    expect(state.paymentsInLedger).toBe(state.paid);
    expect(state.claimsInProgress).toBe(0);
  });
});
