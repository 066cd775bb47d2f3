import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { MetricsService } from '../observability/metrics.service';
import { withTimeout } from '../resilience/with-timeout';
import { DeadLetters } from '../queue/dead-letters';
import { OutboxJob } from '../queue/outbox-job';
import { QueueName } from '../queue/queue-names';
import { OutboxSubscriptions } from './outbox-subscriptions';

const BATCH_SIZE = 100;
const IDLE_POLL_MS = 100;
const LEASE_MS = 30_000;
const ENQUEUE_TIMEOUT_MS = 2000;

interface OutboxRow {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string | Record<string, unknown>;
  occurred_at: Date;
  attempts: number;
}

/**
 * Worker-side relay from the outbox table to Bull. Claims a batch of
 * unpublished events with `FOR UPDATE SKIP LOCKED` (so any number of relays
 * share the work without blocking each other) and a short lease, commits,
 * adds one job per subscription with the event id as job id (Bull ignores a
 * second add of the same id), then marks the events published. A crash after
 * enqueueing only causes a re-add, which consumers absorb (idempotent).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly instance = randomUUID();
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly published;
  private readonly failures;
  private backlogRead:
    | { at: number; value: Promise<{ pending: number; oldestAgeSeconds: number } | undefined> }
    | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly deadLetters: DeadLetters,
    private readonly moduleRef: ModuleRef,
    private readonly metrics: MetricsService,
  ) {
    this.published = metrics.counter(
      'hexashop_outbox_events_published_total',
      'Outbox events handed to Bull',
    );
    this.failures = metrics.counter(
      'hexashop_outbox_publish_failures_total',
      'Outbox batches that could not be enqueued',
    );
    this.metrics.sharedGauge(
      'hexashop_outbox_pending_events',
      'Outbox events not yet published (exported by one worker)',
      [],
      async (gauge) => {
        const backlog = await this.backlog();
        if (backlog) gauge.set(backlog.pending);
      },
    );
    this.metrics.sharedGauge(
      'hexashop_outbox_oldest_pending_age_seconds',
      'Age of the oldest unpublished outbox event, 0 when none (exported by one worker)',
      [],
      async (gauge) => {
        const backlog = await this.backlog();
        if (backlog) gauge.set(backlog.oldestAgeSeconds);
      },
    );
  }

  /** Backlog size and age for one scrape (both gauges share one query). */
  private backlog(): Promise<{ pending: number; oldestAgeSeconds: number } | undefined> {
    if (this.backlogRead && Date.now() - this.backlogRead.at < 1000) return this.backlogRead.value;
    const value = withTimeout(
      this.dataSource.query(
        'SELECT COUNT(*) AS n, MIN(occurred_at) AS oldest FROM outbox_events WHERE published_at IS NULL',
      ) as Promise<Array<{ n: number | string; oldest: Date | string | null }>>,
      1000,
      'outbox backlog',
    )
      .then(([row]) => ({
        pending: Number(row?.n ?? 0),
        oldestAgeSeconds: row?.oldest
          ? Math.max(0, (Date.now() - new Date(row.oldest).getTime()) / 1000)
          : 0,
      }))
      .catch(() => undefined);
    this.backlogRead = { at: Date.now(), value };
    return value;
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming new batches and waits for the current one to finish. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        handled = await this.pump();
        await this.deadLetters.redriveRequested((queue, name, data, jobId) =>
          this.enqueue(queue, name, data, jobId, true),
        );
      } catch (error) {
        this.failures.inc();
        this.logger.warn(`outbox relay: ${(error as Error).message}`);
        await sleep(1000);
      }
      if (handled < BATCH_SIZE) await sleep(IDLE_POLL_MS);
    }
  }

  /** Publishes one batch; returns how many events it claimed. */
  async pump(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    const done: string[] = [];
    const failed: string[] = [];
    for (const row of rows) {
      const job: OutboxJob = {
        eventId: row.id,
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        occurredAt: new Date(row.occurred_at).toISOString(),
        payload:
          typeof row.payload === 'string'
            ? (JSON.parse(row.payload) as Record<string, unknown>)
            : row.payload,
      };
      try {
        for (const subscription of this.subscriptions.for(row.type)) {
          await this.enqueue(subscription.queue, subscription.job, job, row.id);
        }
        done.push(row.id);
      } catch (error) {
        failed.push(row.id);
        this.logger.warn(`could not enqueue event ${row.id}: ${(error as Error).message}`);
      }
    }
    if (done.length > 0) {
      await this.dataSource.query(
        'UPDATE outbox_events SET published_at = ?, claimed_until = NULL WHERE id IN (?)',
        [new Date(), done],
      );
      this.published.inc(done.length);
    }
    if (failed.length > 0) {
      // Give Redis a moment before the next try instead of waiting for the lease.
      await this.dataSource.query('UPDATE outbox_events SET claimed_until = ? WHERE id IN (?)', [
        new Date(Date.now() + 1000),
        failed,
      ]);
      throw new Error(`${failed.length} events could not be enqueued`);
    }
    return rows.length;
  }

  private claim(): Promise<OutboxRow[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const now = new Date();
      const rows = (await manager.query(
        `SELECT id, type, aggregate_type, aggregate_id, payload, occurred_at, attempts
           FROM outbox_events
          WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)
          ORDER BY id
          LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED`,
        [now],
      )) as OutboxRow[];
      if (rows.length > 0) {
        await manager.query(
          'UPDATE outbox_events SET claimed_until = ?, claimed_by = ?, attempts = attempts + 1 WHERE id IN (?)',
          [new Date(now.getTime() + LEASE_MS), this.instance, rows.map((row) => row.id)],
        );
      }
      return rows;
    });
  }

  /** Adds a job; `replace` first removes a finished job of that id (redrive), since Bull ignores a duplicate id. */
  private async enqueue(
    queueName: QueueName,
    jobName: string,
    data: OutboxJob,
    jobId: string,
    replace = false,
  ): Promise<void> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(queueName), { strict: false });
    if (replace) {
      const previous = await withTimeout(
        queue.getJob(jobId),
        ENQUEUE_TIMEOUT_MS,
        `find ${queueName} job`,
      );
      if (previous)
        await withTimeout(previous.remove(), ENQUEUE_TIMEOUT_MS, `remove ${queueName} job`);
    }
    await withTimeout(
      queue.add(jobName, data, { jobId }),
      ENQUEUE_TIMEOUT_MS,
      `enqueue ${queueName}`,
    );
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
