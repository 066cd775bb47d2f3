import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../test/support/platform-context';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { FixedClock } from '../../shared/kernel/testing/fixed-clock.fake';
import { AppConfig } from '../config/app-config';
import { FieldCipher } from '../crypto/field-cipher';
import { MemberKeyStore } from '../crypto/member-key-store';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { QueueMonitor } from '../queue/queue-monitor';
import {
  MaintenanceProcessor,
  OUTBOX_RETENTION_MS,
  PROCESSED_RETENTION_MS,
} from './maintenance.processor';

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
      new IdempotencyStore(
        dataSource,
        clock,
        ids,
        context.get(FieldCipher),
        context.get(MemberKeyStore),
      ),
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
  const insertEvent = (deliveredAt: Date | null) => {
    const id = randomUUID();
    return dataSource
      .query(
        `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at, published_at, delivered_at)
         VALUES (?, 'test.maintenance.v1', 'test', 'x', '{}', ?, ?, ?)`,
        [id, clock.now(), clock.now(), deliveredAt],
      )
      .then(() => id);
  };
  const insertProcessed = async (messageId: string, createdAt: Date) => {
    await dataSource.query(
      `INSERT INTO processed_messages (consumer, message_id, status, processed_at, created_at)
       VALUES ('test.maintenance', ?, 'DONE', ?, ?)`,
      [messageId, createdAt, createdAt],
    );
    return messageId;
  };
  const processedExists = async (messageId: string) =>
    (
      (await dataSource.query(
        "SELECT 1 FROM processed_messages WHERE consumer = 'test.maintenance' AND message_id = ?",
        [messageId],
      )) as unknown[]
    ).length === 1;
  const exists = async (table: string, id: string) =>
    ((await dataSource.query(`SELECT id FROM ${table} WHERE id = ?`, [id])) as unknown[]).length ===
    1;

  it('deletes expired idempotency records and outbox events delivered before the retention, and keeps the rest', async () => {
    const now = clock.now().getTime();
    const expired = await insertRecord(new Date(now - 1_000));
    const live = await insertRecord(new Date(now + 86_400_000));
    const old = await insertEvent(new Date(now - OUTBOX_RETENTION_MS - 1_000));
    const recent = await insertEvent(new Date(now - OUTBOX_RETENTION_MS + 60_000));
    const undelivered = await insertEvent(null);

    const result = await sut.purge();

    expect(result.idempotencyRecords).toBeGreaterThanOrEqual(1);
    expect(result.outboxEvents).toBeGreaterThanOrEqual(1);
    expect(await exists('idempotency_records', expired)).toBe(false);
    expect(await exists('idempotency_records', live)).toBe(true);
    expect(await exists('outbox_events', old)).toBe(false);
    expect(await exists('outbox_events', recent)).toBe(true);
    expect(await exists('outbox_events', undelivered)).toBe(true);
    await dataSource.query('DELETE FROM outbox_events WHERE id IN (?, ?)', [recent, undelivered]);
    await dataSource.query('DELETE FROM idempotency_records WHERE id = ?', [live]);
  });

  it("deletes consumers' processed-message marks older than the retry window, except those of undelivered events", async () => {
    const now = clock.now().getTime();
    const old = new Date(now - PROCESSED_RETENTION_MS - 60_000);
    const expired = await insertProcessed(randomUUID(), old);
    const recent = await insertProcessed(
      randomUUID(),
      new Date(now - PROCESSED_RETENTION_MS + 60_000),
    );
    // An event parked as a dead letter for longer than the window: its other consumers must not run again.
    const parkedEvent = await insertEvent(null);
    const parked = await insertProcessed(parkedEvent, old);

    const result = await sut.purge();

    expect(result.processedMessages).toBeGreaterThanOrEqual(1);
    expect(await processedExists(expired)).toBe(false);
    expect(await processedExists(recent)).toBe(true);
    expect(await processedExists(parked)).toBe(true);
    await dataSource.query(
      "DELETE FROM processed_messages WHERE consumer = 'test.maintenance' AND message_id IN (?, ?)",
      [recent, parked],
    );
    await dataSource.query('DELETE FROM outbox_events WHERE id = ?', [parkedEvent]);
  });

  it('finds the rows to prune through indexes, not by reading the whole table', async () => {
    const plans = [
      (await dataSource.query(
        'EXPLAIN SELECT message_id FROM processed_messages WHERE created_at < ? ORDER BY created_at LIMIT 1000',
        [clock.now()],
      )) as Array<{ key: string | null }>,
      (await dataSource.query(
        'EXPLAIN SELECT id FROM outbox_events WHERE delivered_at < ? ORDER BY delivered_at LIMIT 1000',
        [clock.now()],
      )) as Array<{ key: string | null }>,
    ];
    expect(plans.map((plan) => plan[0]?.key)).toEqual([
      'ix_processed_messages_created',
      'ix_outbox_events_undelivered',
    ]);
  });
});
