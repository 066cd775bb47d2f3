import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../shared/kernel/clock.port';
import { AppConfig } from '../config/app-config';
import { IdempotencyStore } from '../idempotency/idempotency-store';
import { QueueMonitor } from '../queue/queue-monitor';
import { QUEUES } from '../queue/queue-names';
import { RepeatableJob } from '../queue/repeatable-job';

export const PURGE_JOB = 'purge-expired-records';
/** Delivered outbox events are kept this long for investigations, then deleted. */
export const OUTBOX_RETENTION_MS = 7 * 86_400_000;
/**
 * Consumers' processed-message marks are kept as long as any redelivery can
 * still come: Bull keeps failed jobs (retryable by hand) 7 days and completed
 * ones 1 day, and the relay re-adds only undelivered events, whose marks are
 * never deleted.
 */
export const PROCESSED_RETENTION_MS = 7 * 86_400_000;
const BATCH = 1000;
/** One run deletes at most this many batches per table, so a backlog cannot hold the job for long. */
const MAX_BATCHES = 20;

/**
 * Worker housekeeping on the maintenance queue: deletes expired
 * Idempotency-Key records (lookups already ignore them after 24 h), outbox
 * events delivered more than 7 days ago and consumers' processed-message
 * marks older than 7 days (those of undelivered events stay), in small
 * batches on the primary. Safe to run on several workers at once.
 */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly schedule: RepeatableJob;

  constructor(
    private readonly idempotency: IdempotencyStore,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    monitor: QueueMonitor,
    config: AppConfig,
  ) {
    this.schedule = new RepeatableJob(
      () => monitor.queue(QUEUES.maintenance),
      PURGE_JOB,
      config.jobs.purgeEveryMs,
    );
  }

  onApplicationBootstrap(): void {
    this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process({ name: PURGE_JOB, concurrency: 1 })
  async purge(): Promise<{
    idempotencyRecords: number;
    outboxEvents: number;
    processedMessages: number;
  }> {
    const now = this.clock.now();
    const idempotencyRecords = await batches(() => this.idempotency.purgeExpired(BATCH, now));
    const before = new Date(now.getTime() - OUTBOX_RETENTION_MS);
    const outboxEvents = await batches(async () => {
      const result = (await this.dataSource.query(
        'DELETE FROM outbox_events WHERE delivered_at < ? ORDER BY delivered_at LIMIT ?',
        [before, BATCH],
      )) as { affectedRows: number };
      return result.affectedRows;
    });
    const processedBefore = new Date(now.getTime() - PROCESSED_RETENTION_MS);
    const processedMessages = await batches(async () => {
      // An event still undelivered keeps its marks: without them the relay would send it again.
      const result = (await this.dataSource.query(
        `DELETE FROM processed_messages
          WHERE created_at < ?
            AND NOT EXISTS (SELECT 1 FROM outbox_events e WHERE e.id = processed_messages.message_id AND e.delivered_at IS NULL)
          ORDER BY created_at LIMIT ?`,
        [processedBefore, BATCH],
      )) as { affectedRows: number };
      return result.affectedRows;
    });
    if (idempotencyRecords + outboxEvents + processedMessages > 0) {
      this.logger.log(
        `purged ${idempotencyRecords} idempotency records, ${outboxEvents} outbox events, ${processedMessages} processed-message marks`,
      );
    }
    return { idempotencyRecords, outboxEvents, processedMessages };
  }
}

async function batches(deleteBatch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let i = 0; i < MAX_BATCHES; i += 1) {
    const deleted = await deleteBatch();
    total += deleted;
    if (deleted < BATCH) break;
  }
  return total;
}
