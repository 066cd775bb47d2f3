import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { v7 } from 'uuid';
import { waitUntil } from '../../../test/support/fixtures';
import { createPlatformContext } from '../../../test/support/platform-context';
import { QueueMonitor } from '../queue/queue-monitor';
import { QUEUES } from '../queue/queue-names';
import { EPOCH_KEY } from '../queue/queue-store-epoch';
import { QueueModule } from '../queue/queue.module';
import { OutboxModule } from './outbox.module';
import { OutboxRelay } from './outbox-relay';
import { consumerName, OutboxSubscriptions, Subscription } from './outbox-subscriptions';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A worker's relay (no processors: jobs stay where the relay put them). */
async function relay(
  subscriptions: Record<string, Subscription[]>,
  env: Record<string, string> = {},
): Promise<TestingModule> {
  const context = await createPlatformContext(
    [QueueModule.forWorker(), OutboxModule.forWorker()],
    env,
  );
  for (const [type, list] of Object.entries(subscriptions))
    for (const subscription of list) context.get(OutboxSubscriptions).subscribe(type, subscription);
  // Queue clients connect on their own after the context starts and refuse commands
  // until then (no offline queue): on a loaded machine the relay's first batch, and
  // the probes below, would otherwise meet a client that is still connecting.
  const monitor = context.get(QueueMonitor);
  await Promise.all(Object.values(QUEUES).map((name) => monitor.queue(name).isReady()));
  return context;
}

describe(OutboxRelay.name, () => {
  const contexts: TestingModule[] = [];
  const jobs: Array<{ queue: Queue; id: string }> = [];
  let base: TestingModule;
  let dataSource: DataSource;

  const insertEvents = async (type: string, count: number): Promise<string[]> => {
    const ids = Array.from({ length: count }, () => v7());
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      await dataSource.query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at) VALUES ${batch.map(() => "(?, ?, 'probe', ?, '{}', ?)").join(', ')}`,
        batch.flatMap((id) => [id, type, id, new Date()]),
      );
    }
    return ids;
  };
  const event = async (id: string) =>
    (
      (await dataSource.query(
        'SELECT published_at, delivered_at, claimed_until FROM outbox_events WHERE id = ?',
        [id],
      )) as Array<{
        published_at: Date | null;
        delivered_at: Date | null;
        claimed_until: Date | null;
      }>
    )[0]!;
  const markDone = (consumer: string, id: string) =>
    dataSource.query(
      "INSERT INTO processed_messages (consumer, message_id, status, processed_at) VALUES (?, ?, 'DONE', ?)",
      [consumer, id, new Date()],
    );
  const queueOf = (context: TestingModule, name: (typeof QUEUES)[keyof typeof QUEUES]) =>
    context.get(QueueMonitor).queue(name);
  const track = async (queue: Queue, id: string) => {
    jobs.push({ queue, id });
    return queue.getJob(id);
  };

  /** One relay with one probe consumer on the maintenance queue, and `count` events it has published. */
  const probes = async (name: string, count: number, redeliveryMs: number) => {
    const type = `test.${name}-${randomUUID().slice(0, 8)}.v1`;
    const context = await relay(
      { [type]: [{ queue: QUEUES.maintenance, job: 'probe' }] },
      { OUTBOX_REDELIVERY_MS: String(redeliveryMs) },
    );
    contexts.push(context);
    const queue = queueOf(context, QUEUES.maintenance);
    const ids = await insertEvents(type, count);
    const published = await waitUntil(async () =>
      (await Promise.all(ids.map((id) => queue.getJob(id)))).every((job) => job !== null),
    );
    expect(published).toBe(true);
    return { type, queue, ids };
  };

  beforeAll(async () => {
    base = await createPlatformContext();
    dataSource = base.get(DataSource);
  });

  afterAll(() => base.close());

  afterEach(async () => {
    await Promise.all(
      jobs.splice(0).map(({ queue, id }) => queue.getJob(id).then((j) => j?.remove())),
    );
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  it('publishes every event exactly once with two relays claiming concurrently, using the event id as job id', async () => {
    const type = `test.probe-${randomUUID().slice(0, 8)}.v1`;
    for (let i = 0; i < 2; i++)
      contexts.push(await relay({ [type]: [{ queue: QUEUES.maintenance, job: 'probe' }] }));
    const ids = await insertEvents(type, 300);

    const published = await waitUntil(async () => {
      const [row] = (await dataSource.query(
        'SELECT COUNT(*) AS n FROM outbox_events WHERE type = ? AND published_at IS NULL',
        [type],
      )) as Array<{ n: number }>;
      return Number(row?.n) === 0;
    }, 20_000);

    expect(published).toBe(true);
    const claims = (await dataSource.query(
      'SELECT attempts, COUNT(*) AS n FROM outbox_events WHERE type = ? GROUP BY attempts',
      [type],
    )) as Array<{ attempts: number; n: number }>;
    expect(claims.map((c) => [Number(c.attempts), Number(c.n)])).toEqual([[1, 300]]);
    const queue = queueOf(contexts[0]!, QUEUES.maintenance);
    const found = await Promise.all(ids.map((id) => track(queue, id)));
    expect(
      found.every((job) => job !== null && job.name === 'probe' && job.data.eventId === job.id),
    ).toBe(true);
    // Published is not delivered: no consumer has finished.
    const [undelivered] = (await dataSource.query(
      'SELECT COUNT(*) AS n FROM outbox_events WHERE type = ? AND delivered_at IS NULL',
      [type],
    )) as Array<{ n: number }>;
    expect(Number(undelivered?.n)).toBe(300);
  });

  it('counts an event delivered only once every subscribed consumer is done', async () => {
    const type = `test.fanout-${randomUUID().slice(0, 8)}.v1`;
    const subscriptions: Subscription[] = [
      { queue: QUEUES.maintenance, job: 'probe-a' },
      { queue: QUEUES.ranking, job: 'probe-b' },
    ];
    const context = await relay({ [type]: subscriptions }, { OUTBOX_REDELIVERY_MS: '1000' });
    contexts.push(context);
    const [id] = await insertEvents(type, 1);
    expect(await waitUntil(async () => (await event(id!)).published_at !== null)).toBe(true);
    await track(queueOf(context, QUEUES.maintenance), id!);
    await track(queueOf(context, QUEUES.ranking), id!);

    await markDone(consumerName(QUEUES.maintenance, 'probe-a'), id!);
    await sleep(2_500); // two re-checks

    expect((await event(id!)).delivered_at).toBeNull();
    await markDone(consumerName(QUEUES.ranking, 'probe-b'), id!);
    expect(await waitUntil(async () => (await event(id!)).delivered_at !== null, 5_000)).toBe(true);
  });

  it('adds a job again when Redis no longer has it and its consumer is not done', async () => {
    const { queue, ids } = await probes('lost', 1, 1000);
    const [id] = ids;

    await (await queue.getJob(id!))!.remove();

    expect(await waitUntil(async () => (await track(queue, id!)) !== null, 5_000)).toBe(true);
    expect((await event(id!)).delivered_at).toBeNull();
  });

  it('re-checks every undelivered event within seconds when Redis lost its data, long before the re-check period', async () => {
    const { queue, ids } = await probes('flushed', 5, 600_000);

    // What a Redis restarted without its data looks like to the relay: its epoch key and the jobs are gone.
    await Promise.all(ids.map(async (id) => (await queue.getJob(id))?.remove()));
    await queue.client.del(EPOCH_KEY);

    const back = await waitUntil(
      async () =>
        (await Promise.all(ids.map((id) => track(queue, id)))).every((job) => job !== null),
      5_000,
    );
    expect(back).toBe(true);
  });

  it('leaves a consumer that became a dead letter to the operator, and re-arms the event when it is redriven', async () => {
    const { type, queue, ids } = await probes('dead', 1, 1000);
    const [id] = ids;
    const letterId = randomUUID();
    await dataSource.query(
      `INSERT INTO dead_letters (id, queue, job_name, job_id, payload, error, attempts, status, failed_at)
       VALUES (?, 'maintenance', 'probe', ?, ?, 'smtp down', 3, 'DEAD', ?)`,
      [letterId, id, JSON.stringify({ eventId: id, type, payload: {} }), new Date()],
    );
    await (await queue.getJob(id!))!.remove();

    await sleep(2_500);

    expect(await queue.getJob(id!)).toBeNull();
    const parked = await event(id!);
    expect(parked.delivered_at).toBeNull();
    expect(new Date(parked.claimed_until!).getTime()).toBeGreaterThan(Date.now() + 600_000);

    await dataSource.query(
      "UPDATE dead_letters SET status = 'REDRIVE_REQUESTED', redrive_requested_at = ? WHERE id = ?",
      [new Date(), letterId],
    );
    expect(await waitUntil(async () => (await track(queue, id!)) !== null, 5_000)).toBe(true);
    expect(new Date((await event(id!)).claimed_until!).getTime()).toBeLessThan(
      Date.now() + 600_000,
    );
  });

  it('finds due events in one range of the undelivered index, already in claim order', async () => {
    const [plan] = (await dataSource.query(
      `EXPLAIN SELECT id FROM outbox_events
        WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)
        ORDER BY claimed_until, id LIMIT 100 FOR UPDATE SKIP LOCKED`,
      [new Date()],
    )) as Array<{ key: string | null; Extra: string | null }>;

    expect(plan?.key).toBe('ix_outbox_events_undelivered');
    expect(String(plan?.Extra)).not.toContain('filesort');
  });
});
