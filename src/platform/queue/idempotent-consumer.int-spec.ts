import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { IdempotentConsumer } from './idempotent-consumer';
import { MessageInProgressError } from './message-in-progress.error';

describe(IdempotentConsumer.name, () => {
  let context: TestingModule;
  let sut: IdempotentConsumer;

  beforeAll(async () => {
    context = await createPlatformContext();
    sut = new IdempotentConsumer(context.get(DataSource));
  });

  afterAll(() => context.close());

  it('does the work once for a message delivered 20 times concurrently', async () => {
    const messageId = randomUUID();
    let effects = 0;
    const work = async () => {
      effects += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    };
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => sut.runOnce('test.consumer', messageId, work)),
    );
    expect(effects).toBe(1);
    const done = outcomes.filter((o) => o.status === 'fulfilled' && o.value === 'done');
    expect(done).toHaveLength(1);
    // The others either saw it done or were told to retry later.
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected')
        expect(outcome.reason).toBeInstanceOf(MessageInProgressError);
    }
    expect(await sut.runOnce('test.consumer', messageId, work)).toBe('skipped');
    expect(effects).toBe(1);
  });

  it('lets a retry do the work after a failed run', async () => {
    const messageId = randomUUID();
    await expect(
      sut.runOnce('test.consumer', messageId, async () => Promise.reject(new Error('smtp down'))),
    ).rejects.toThrow('smtp down');
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
});
