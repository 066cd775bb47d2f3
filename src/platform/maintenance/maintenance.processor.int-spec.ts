import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { FixedClock } from '../../shared/kernel/testing/fixed-clock.fake';
import { AppConfig } from '../config/app-config';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { QueueMonitor } from '../queue/queue-monitor';
import { MaintenanceProcessor, OUTBOX_RETENTION_MS } from './maintenance.processor';

describe(MaintenanceProcessor.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let clock: FixedClock;
  let sut: MaintenanceProcessor;

  beforeAll(async () => {
    context = await createPlatformContext();
    dataSource = context.get(DataSource);
    // The real time: only rows this test back-dates are due, other tests' rows are left alone.
    clock = new FixedClock(new Date());
    const ids = context.get(IdGenerator);
    const noQueue = { queue: () => ({}) } as unknown as QueueMonitor;
    sut = new MaintenanceProcessor(
      new IdempotencyStore(dataSource, clock, ids),
      dataSource,
      clock,
      noQueue,
      context.get(AppConfig),
    );
  });

  afterAll(() => context.close());

  const insertRecord = (expiresAt: Date) => {
    const id = randomUUID();
    return dataSource
      .query(
        `INSERT INTO idempotency_records (id, user_id, route, idem_key, request_hash, status, claim_token, locked_until, created_at, expires_at)
         VALUES (?, ?, 'POST /api/v1/test', ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)`,
        [
          id,
          randomUUID(),
          randomUUID(),
          'a'.repeat(64),
          randomUUID(),
          expiresAt,
          expiresAt,
          expiresAt,
        ],
      )
      .then(() => id);
  };
  const insertEvent = (publishedAt: Date | null) => {
    const id = randomUUID();
    return dataSource
      .query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at, published_at)
         VALUES (?, 'test.maintenance.v1', 'test', 'x', '{}', ?, ?)`,
        [id, clock.now(), publishedAt],
      )
      .then(() => id);
  };
  const exists = async (table: string, id: string) =>
    ((await dataSource.query(`SELECT id FROM ${table} WHERE id = ?`, [id])) as unknown[]).length ===
    1;

  it('deletes expired idempotency records and outbox events published before the retention, and keeps the rest', async () => {
    const now = clock.now().getTime();
    const expired = await insertRecord(new Date(now - 1_000));
    const live = await insertRecord(new Date(now + 86_400_000));
    const old = await insertEvent(new Date(now - OUTBOX_RETENTION_MS - 1_000));
    const recent = await insertEvent(new Date(now - OUTBOX_RETENTION_MS + 60_000));
    const unpublished = await insertEvent(null);

    const result = await sut.purge();

    expect(result.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect(result.outboxEvents).toBeGreaterThanOrEqual(1);
    expect(await exists('idempotency_records', expired)).toBe(false);
    expect(await exists('idempotency_records', live)).toBe(true);
    expect(await exists('outbox_events', old)).toBe(false);
    expect(await exists('outbox_events', recent)).toBe(true);
    expect(await exists('outbox_events', unpublished)).toBe(true);
    await dataSource.query('DELETE FROM outbox_events WHERE id IN (?, ?)', [recent, unpublished]);
    await dataSource.query('DELETE FROM idempotency_records WHERE id = ?', [live]);
  });
});
