import Bull from 'bull';
import { v7 } from 'uuid';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { emailIndex, insertSealedUser } from '../support/personal-data';
import { requireEnv } from '../support/env';
import { uniqueEmail, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { rankedQuantity } from '../support/ranking';
import { placeOrder, Shop } from '../support/shop';
import { SinkMessage, SmtpSink } from '../support/smtp';
import { Stack } from '../support/stack';

const PASSWORD = 'password-123';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 14 (ADR 0040) and issue 8 item 5 (ADR 0041) on the real services:
 * Redis restarted empty under jobs in every state, a worker SIGKILLed
 * mid-job, and a worker stopped with SIGTERM during a slow job. The SMTP
 * sink's fault rules hold jobs where each case needs them.
 */
describe('Delivery under faults (e2e)', () => {
  let api: AppProcess;
  let client: HttpClient;
  let shop: Shop;
  const workers: AppProcess[] = [];
  const queues: Bull.Queue[] = [];

  const worker = async (env: Record<string, string>): Promise<AppProcess> => {
    const started = await startWorker(env, { waitFor: 'ready' });
    workers.push(started);
    return started;
  };
  const queue = (name: string): Bull.Queue => {
    const opened = new Bull(name, requireEnv('REDIS_URL'), { prefix: 'bull' });
    queues.push(opened);
    return opened;
  };
  const signUp = async (email: string): Promise<void> => {
    const response = await client.post('/auth/signup', {
      email,
      password: PASSWORD,
      name: 'Fault',
    });
    if (response.status !== 201) throw new Error(`signup: ${response.status} ${response.text}`);
  };
  /** Waits until the sink has applied a rule `count` more times than `before`. */
  const sinkReached = async (counter: 'rejected' | 'delayed', atLeast: number) =>
    waitUntil(async () => (await SmtpSink.control())[counter] >= atLeast, 20_000, 50);
  const mails = async (email: string, subject: RegExp): Promise<SinkMessage[]> =>
    (await SmtpSink.messagesTo(email)).filter((message) => subject.test(message.subject));
  const eventOf = async (email: string): Promise<string> => {
    let id: string | undefined;
    await waitUntil(async () => {
      const rows = await Db.rows<{ id: string }>(
        "SELECT id FROM outbox_events WHERE type = 'identity.user-registered.v2' AND aggregate_id = (SELECT id FROM users WHERE email_bidx = ?)",
        [emailIndex(email)],
      );
      id = rows[0]?.id;
      return id !== undefined;
    });
    if (!id) throw new Error(`no event for ${email}`);
    return id;
  };
  const deadLetters = async (eventIds: string[]) =>
    Db.rows('SELECT id FROM dead_letters WHERE job_id IN (?)', [eventIds]);

  beforeAll(async () => {
    api = await startApi({}, { waitFor: 'ready' });
    client = apiClient(api.url);
    shop = await Shop.open(client, 'faults');
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((w) => w.stop()));
    await Promise.all(queues.splice(0).map((q) => q.close()));
    await SmtpSink.clearRules();
  });

  afterAll(async () => {
    await Stack.start('redis');
    await api.stop();
    await Db.end();
  });

  it('Redis restarted empty while jobs wait, back off and run: every e-mail and ranking update happens once', async () => {
    await worker({ JOB_ATTEMPTS: '5', JOB_BACKOFF_MS: '60000' });
    const productId = await shop.createProduct(100, 1_000);
    const buyers: Customer[] = await createCustomers(3, 'dlv-buyer');
    for (const buyer of buyers) await shop.fund(buyer, 10_000);
    await SmtpSink.setRules([
      { match: 'dlv-refused', action: 'reject' },
      { match: 'dlv-slow', action: 'delay', delayMs: 6_000 },
    ]);

    // Backing off: the first attempt is refused, the next one is a minute away.
    const refused = Array.from({ length: 3 }, () => uniqueEmail('dlv-refused'));
    await Promise.all(refused.map(signUp));
    expect(await sinkReached('rejected', refused.length)).toBe(true);
    // Active: SMTP holds the DATA reply for 6 s.
    const slow = Array.from({ length: 4 }, () => uniqueEmail('dlv-slow'));
    await Promise.all(slow.map(signUp));
    expect(await sinkReached('delayed', slow.length)).toBe(true);
    // Waiting: both queues paused for everyone, then orders are placed.
    const [notifications, ranking] = [queue('notifications'), queue('ranking')];
    await Promise.all([notifications.pause(), ranking.pause()]);
    const quantities = [1, 2, 3];
    for (const [i, buyer] of buyers.entries()) {
      const placed = await placeOrder(client, buyer, [{ productId, quantity: quantities[i]! }]);
      expect(placed.status).toBe(201);
    }
    expect(
      await waitUntil(
        async () =>
          (await notifications.getJobCounts()).waiting + (await notifications.getPausedCount()) >=
            3 && (await ranking.getPausedCount()) >= 3,
        10_000,
      ),
    ).toBe(true);
    const counts = await Promise.all([notifications.getJobCounts(), ranking.getJobCounts()]);
    const inFlight = {
      active: counts[0].active,
      delayed: counts[0].delayed,
      waiting: (await notifications.getPausedCount()) + (await ranking.getPausedCount()),
    };
    expect(inFlight.active).toBeGreaterThanOrEqual(slow.length);
    expect(inFlight.delayed).toBeGreaterThanOrEqual(refused.length);
    expect(inFlight.waiting).toBeGreaterThanOrEqual(2 * buyers.length);
    const restartedAt = Date.now();

    await Stack.stop('redis');
    await Stack.start('redis');
    await SmtpSink.setRules([]);

    const expected = [
      ...refused.map((email) => ({ email, subject: /Welcome/ })),
      ...slow.map((email) => ({ email, subject: /Welcome/ })),
      ...buyers.map((buyer) => ({ email: buyer.email, subject: /order/i })),
    ];
    const arrived = await waitUntil(
      async () =>
        (await Promise.all(expected.map(({ email, subject }) => mails(email, subject)))).every(
          (found) => found.length >= 1,
        ),
      40_000,
      250,
    );
    const recoveredMs = Date.now() - restartedAt;
    expect(arrived).toBe(true);
    await sleep(2_000); // room for a duplicate to show up
    const delivered = await Promise.all(
      expected.map(({ email, subject }) => mails(email, subject)),
    );
    expect(delivered.map((found) => found.length)).toEqual(expected.map(() => 1));

    // Redis started empty: the ranking holds exactly the three orders, each applied once.
    expect(await waitUntil(async () => (await rankedQuantity(productId)) === 6)).toBe(true);
    await sleep(500);
    expect(await rankedQuantity(productId)).toBe(6);
    const events = await Db.rows<{ id: string; delivered_at: Date | null }>(
      `SELECT id, delivered_at FROM outbox_events
        WHERE (type = 'identity.user-registered.v2' AND aggregate_id IN (SELECT id FROM users WHERE email_bidx IN (?)))
           OR (type = 'ordering.order-placed.v1' AND JSON_UNQUOTE(JSON_EXTRACT(payload, '$.userId')) IN (?))`,
      [[...refused, ...slow].map(emailIndex), buyers.map((buyer) => buyer.id)],
    );
    expect(events.length).toBe(refused.length + slow.length + buyers.length);
    expect(
      await waitUntil(async () => {
        const rows = await Db.rows<{ n: number }>(
          'SELECT COUNT(*) AS n FROM outbox_events WHERE id IN (?) AND delivered_at IS NULL',
          [events.map((event) => event.id)],
        );
        return Number(rows[0]?.n) === 0;
      }),
    ).toBe(true);
    expect(await deadLetters(events.map((event) => event.id))).toEqual([]);
    process.stdout.write(
      `delivery-faults: Redis restart with ${inFlight.active} active, ${inFlight.delayed} delayed, ${inFlight.waiting} waiting jobs (${expected.length} e-mails, ${buyers.length} ranking updates): ${delivered.flat().length} e-mails arrived, 0 duplicates, ${recoveredMs} ms to the last one\n`,
    );
  });

  it('a worker SIGKILLed in the middle of a job: the e-mail arrives once, no dead letter, no attempt spent', async () => {
    const env = { JOB_LOCK_MS: '4000', JOB_ATTEMPTS: '3' };
    const first = await worker(env);
    await SmtpSink.setRules([{ match: 'dlv-killed', action: 'delay', delayMs: 5_000 }]);
    const email = uniqueEmail('dlv-killed');

    await signUp(email);
    expect(await sinkReached('delayed', 1)).toBe(true);
    first.process.kill('SIGKILL');
    await first.exited;
    await SmtpSink.setRules([]);
    const killedAt = Date.now();
    await worker(env);

    const arrived = await SmtpSink.waitFor(email, /Welcome/, 1, 30_000);
    const recoveredMs = Date.now() - killedAt;
    expect(arrived).toHaveLength(1);
    await sleep(1_500);
    expect(await mails(email, /Welcome/)).toHaveLength(1);
    // The SMTP transaction the kill cut off was never accepted.
    expect((await SmtpSink.control()).discarded).toBe(1);
    const eventId = await eventOf(email);
    expect(await deadLetters([eventId])).toEqual([]);
    // Completed (kept a day) without a failed attempt: the wait on the dead claim cost none.
    const job = await queue('notifications').getJob(eventId);
    expect(await job?.getState()).toBe('completed');
    expect(job?.attemptsMade).toBe(0);
    expect(
      await waitUntil(
        async () =>
          (
            await Db.rows(
              'SELECT id FROM outbox_events WHERE id = ? AND delivered_at IS NOT NULL',
              [eventId],
            )
          ).length === 1,
      ),
    ).toBe(true);
    process.stdout.write(
      `delivery-faults: worker SIGKILLed with 1 job active: 1 e-mail arrived ${recoveredMs} ms later, 0 duplicates, 0 dead letters\n`,
    );
  });

  it('a worker stopped with SIGTERM stops taking jobs at once, finishes the job in flight once, and exits', async () => {
    const draining = await worker({ WORKER_SHUTDOWN_GRACE_MS: '15000' });
    await SmtpSink.setRules([{ match: 'dlv-term', action: 'delay', delayMs: 3_000 }]);
    const inFlight = uniqueEmail('dlv-term');
    await signUp(inFlight);
    expect(await sinkReached('delayed', 1)).toBe(true);

    const sigtermAt = Date.now();
    draining.process.kill('SIGTERM');
    expect(
      await waitUntil(
        async () => (await fetch(`${draining.url}/health/ready`)).status === 503,
        2_000,
        10,
      ),
    ).toBe(true);
    // A job that arrives while the worker drains (what a duplicate or another relay's add looks like).
    const late = uniqueEmail('dlv-late');
    const lateId = v7();
    await insertSealedUser(lateId, late, 'Late');
    const notifications = queue('notifications');
    await notifications.add(
      'welcome-email',
      {
        eventId: lateId,
        type: 'identity.user-registered.v2',
        aggregateType: 'user',
        aggregateId: lateId,
        occurredAt: new Date().toISOString(),
        payload: { userId: lateId },
      },
      { jobId: lateId },
    );
    const code = await draining.exited;
    const exitedAfter = Date.now() - sigtermAt;

    expect(code).toBe(0);
    expect(exitedAfter).toBeGreaterThanOrEqual(1_000);
    expect(exitedAfter).toBeLessThan(15_000);
    expect(await mails(inFlight, /Welcome/)).toHaveLength(1);
    expect(await mails(late, /Welcome/)).toHaveLength(0);
    expect(await (await notifications.getJob(lateId))?.getState()).toBe('waiting');
    expect(draining.logs()).toContain('jobs in flight at SIGTERM: 1, handed back: 0');

    await worker({});
    expect(await SmtpSink.waitFor(late, /Welcome/, 1, 20_000)).toHaveLength(1);
    await sleep(1_000);
    expect(await mails(inFlight, /Welcome/)).toHaveLength(1);
    expect(await mails(late, /Welcome/)).toHaveLength(1);
    process.stdout.write(
      `delivery-faults: SIGTERM with 1 job active: exited after ${exitedAfter} ms, 1 e-mail, the job added while draining left to the next worker\n`,
    );
  });

  it('a job longer than the grace is handed back at the end of it and finished once by another worker', async () => {
    const env = { WORKER_SHUTDOWN_GRACE_MS: '1000', JOB_LOCK_MS: '4000', JOB_ATTEMPTS: '3' };
    const draining = await worker(env);
    await SmtpSink.setRules([{ match: 'dlv-long', action: 'delay', delayMs: 8_000 }]);
    const email = uniqueEmail('dlv-long');
    await signUp(email);
    expect(await sinkReached('delayed', 1)).toBe(true);

    const sigtermAt = Date.now();
    draining.process.kill('SIGTERM');
    const code = await draining.exited;
    const exitedAfter = Date.now() - sigtermAt;
    await SmtpSink.setRules([]);
    await worker(env);

    expect(code).toBe(0);
    expect(exitedAfter).toBeLessThan(1_000 + 4_500);
    expect(draining.logs()).toContain('jobs in flight at SIGTERM: 1, handed back: 1');
    expect(await SmtpSink.waitFor(email, /Welcome/, 1, 20_000)).toHaveLength(1);
    await sleep(1_000);
    expect(await mails(email, /Welcome/)).toHaveLength(1);
    expect(await deadLetters([await eventOf(email)])).toEqual([]);
  });
});
