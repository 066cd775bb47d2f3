import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { ClaimTiming, IdempotentConsumer } from './idempotent-consumer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(IdempotentConsumer.name, () => {
  // Short leases so that a dead run's claim runs out within the test.
  const timing: ClaimTiming = { leaseMs: 1_000, renewEveryMs: 200, pollMs: 50, maxWaitMs: 10_000 };
  let context: TestingModule;
  let dataSource: DataSource;
  let sut: IdempotentConsumer;

  beforeAll(async () => {
    context = await createPlatformContext();
    dataSource = context.get(DataSource);
    sut = new IdempotentConsumer(dataSource, timing);
  });

  afterAll(() => context.close());

  const status = async (consumer: string, messageId: string) =>
    (
      (await dataSource.query(
        'SELECT status FROM processed_messages WHERE consumer = ? AND message_id = ?',
        [consumer, messageId],
      )) as Array<{ status: string }>
    )[0]?.status;

  it('does the work once for a message delivered 20 times concurrently; the other deliveries wait and skip', async () => {
    const messageId = randomUUID();
    let effects = 0;
    const work = async () => {
      effects += 1;
      await sleep(50);
    };

    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => sut.runOnce('test.consumer', messageId, work)),
    );

    expect(effects).toBe(1);
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'skipped')).toHaveLength(19);
    expect(await sut.runOnce('test.consumer', messageId, work)).toBe('skipped');
    expect(effects).toBe(1);
  });

  it('lets a retry do the work after a failed run', async () => {
    const messageId = randomUUID();
    await expect(
      sut.runOnce('test.consumer', messageId, async () => Promise.reject(new Error('smtp down'))),
    ).rejects.toThrow('smtp down');
    expect(await status('test.consumer', messageId)).toBeUndefined();
    let effects = 0;
    expect(await sut.runOnce('test.consumer', messageId, async () => void (effects += 1))).toBe(
      'done',
    );
    expect(effects).toBe(1);
  });

  it('keeps consumers apart: the same message is done once per consumer', async () => {
    const messageId = randomUUID();
    let effects = 0;
    await sut.runOnce('consumer.a', messageId, async () => void (effects += 1));
    await sut.runOnce('consumer.b', messageId, async () => void (effects += 1));
    expect(effects).toBe(2);
  });

  it('waits out the claim a crashed run left and then does the work, instead of failing the delivery', async () => {
    const messageId = randomUUID();
    // What a worker killed mid-job leaves: a claim nobody renews, 800 ms of lease left.
    await dataSource.query(
      `INSERT INTO processed_messages (consumer, message_id, status, claim_token, locked_until)
       VALUES ('test.consumer', ?, 'PROCESSING', ?, ?)`,
      [messageId, randomUUID(), new Date(Date.now() + 800)],
    );
    let effects = 0;
    const startedAt = Date.now();

    const outcome = await sut.runOnce('test.consumer', messageId, async () => void (effects += 1));

    expect(outcome).toBe('done');
    expect(effects).toBe(1);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(700);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(await status('test.consumer', messageId)).toBe('DONE');
  });

  it('renews a live claim while its handler runs past the lease: a second delivery waits for it and skips', async () => {
    const messageId = randomUUID();
    let effects = 0;
    const first = sut.runOnce('test.consumer', messageId, async () => {
      effects += 1;
      await sleep(2_500);
    });
    await sleep(100);
    const other = new IdempotentConsumer(dataSource, timing);

    const second = await other.runOnce('test.consumer', messageId, async () => void (effects += 1));

    expect(await first).toBe('done');
    expect(second).toBe('skipped');
    expect(effects).toBe(1);
  });

  it('releases the claims of handlers still running when the worker hands them back at shutdown', async () => {
    const messageId = randomUUID();
    let finish: () => void = () => undefined;
    const stuck = sut.runOnce(
      'test.consumer',
      messageId,
      () => new Promise<void>((resolve) => (finish = resolve)),
    );
    await sleep(100);
    expect(await status('test.consumer', messageId)).toBe('PROCESSING');

    expect(await sut.releaseHeld()).toBe(1);

    // Another worker gets the message at once, without waiting for the lease.
    const startedAt = Date.now();
    let effects = 0;
    const other = new IdempotentConsumer(dataSource, { ...timing, leaseMs: 60_000 });
    expect(await other.runOnce('test.consumer', messageId, async () => void (effects += 1))).toBe(
      'done',
    );
    expect(effects).toBe(1);
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    finish();
    await stuck;
  });
});
