import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { v7 } from 'uuid';
import { waitUntil } from '../../../test/support/fixtures';
import { createPlatformContext } from '../../../test/support/platform-context';
import { QueueMonitor } from '../queue/queue-monitor';
import { QUEUES } from '../queue/queue-names';
import { QueueModule } from '../queue/queue.module';
import { OutboxModule } from './outbox.module';
import { OutboxSubscriptions } from './outbox-subscriptions';

describe('OutboxRelay', () => {
  const relays: TestingModule[] = [];
  const type = `test.probe-${randomUUID().slice(0, 8)}.v1`;

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const context = await createPlatformContext([
        QueueModule.forWorker(),
        OutboxModule.forWorker(),
      ]);
      context.get(OutboxSubscriptions).subscribe(type, { queue: QUEUES.maintenance, job: 'probe' });
      relays.push(context);
    }
  });

  afterAll(async () => {
    await Promise.all(relays.map((context) => context.close()));
  });

  it('publishes every event exactly once with two relays claiming concurrently, using the event id as job id', async () => {
    const dataSource = relays[0]!.get(DataSource);
    const ids = Array.from({ length: 300 }, () => v7());
    const now = new Date();
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      await dataSource.query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at) VALUES ${batch.map(() => "(?, ?, 'probe', ?, '{}', ?)").join(', ')}`,
        batch.flatMap((id) => [id, type, id, now]),
      );
    }
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

    const queue = relays[0]!.get(QueueMonitor).queue(QUEUES.maintenance);
    const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
    expect(
      jobs.every((job) => job !== null && job.name === 'probe' && job.data.eventId === job.id),
    ).toBe(true);
    await Promise.all(jobs.map((job) => job?.remove()));
  });
});
