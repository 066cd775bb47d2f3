import { randomUUID } from 'node:crypto';
import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bull';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { MetricsService } from '../observability/metrics.service';
import { withTimeout } from '../resilience/with-timeout';
import { deadLetterKey, DeadLetters } from '../queue/dead-letters';
import { OutboxJob } from '../queue/outbox-job';
import { QueueName } from '../queue/queue-names';
import { QueueStoreEpoch } from '../queue/queue-store-epoch';
import { deliveryKey, OutboxDeliveries } from './outbox-deliveries';
import { consumerName, Subscription, OutboxSubscriptions } from './outbox-subscriptions';
import { safeErrorMessage } from '../observability/safe-error';

const BATCH_SIZE = 100;
const IDLE_POLL_MS = 100;
const ENQUEUE_TIMEOUT_MS = 2000;
/** How often the relay asks Redis whether it lost Bull's data. */
const EPOCH_CHECK_MS = 1000;
/** An event whose missing consumers are all dead letters waits for a redrive; looked at again this rarely. */
const PARKED_RECHECK_MS = 3_600_000;

interface OutboxRow {
  id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: string | Record<string, unknown>;
  occurred_at: Date;
  published_at: Date | null;
}

interface Backlog {
  pending: number;
  oldestPendingAgeSeconds: number;
  undelivered: number;
  oldestUndeliveredAgeSeconds: number;
}

type Redelivery = 'in-flight' | 'parked' | 'done' | 'republished';

/**
 * Worker-side relay from the outbox table to Bull, with the database as the
 * source of truth for delivery (ADR 0040).
 *
 * It claims a batch of undelivered events whose next look is due
 * (`claimed_until`; new events first, then the most overdue, one range of
 * the `(delivered_at, claimed_until)` index), with `FOR UPDATE SKIP LOCKED` so any number of relays
 * share the work, stamps the next look (`OUTBOX_REDELIVERY_MS`) and commits.
 * A new event gets one job per subscription, the event id as job id (Bull
 * ignores a second add of the same id). An event seen before is re-checked:
 * consumers that are not DONE in `processed_messages` get their job again
 * when Redis no longer has it, or has it failed or stuck; an event whose
 * consumers are all done is marked delivered (consumers usually mark it
 * themselves, see `OutboxConsumer`). Consumers that became dead letters wait
 * for a redrive. When Redis loses its data the relay notices within a second
 * (`QueueStoreEpoch`) and re-checks every undelivered event at once.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly instance = randomUUID();
  private readonly redeliveryMs: number;
  private running = false;
  private loop: Promise<void> | undefined;
  private nextEpochCheck = 0;
  private readonly published;
  private readonly redelivered;
  private readonly failures;
  private readonly dataLosses;
  private backlogRead: { at: number; value: Promise<Backlog | undefined> } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: OutboxSubscriptions,
    private readonly deliveries: OutboxDeliveries,
    private readonly deadLetters: DeadLetters,
    private readonly epoch: QueueStoreEpoch,
    private readonly moduleRef: ModuleRef,
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    this.redeliveryMs = config.jobs.redeliveryMs;
    this.published = metrics.counter(
      'hexashop_outbox_events_published_total',
      'Outbox events handed to Bull for the first time',
    );
    this.redelivered = metrics.counter(
      'hexashop_outbox_redeliveries_total',
      'Jobs the relay added again because Redis no longer had them, or had them failed or stuck',
      ['queue', 'reason'],
    );
    this.failures = metrics.counter(
      'hexashop_outbox_publish_failures_total',
      'Outbox batches that could not be enqueued',
    );
    this.dataLosses = metrics.counter(
      'hexashop_outbox_redis_data_loss_total',
      'Times this relay found that Redis had lost the queues (and re-checked every undelivered event)',
    );
    const backlogGauge = (name: string, help: string, pick: (backlog: Backlog) => number): void => {
      this.metrics.sharedGauge(name, `${help} (exported by one worker)`, [], async (gauge) => {
        const backlog = await this.backlog();
        if (backlog) gauge.set(pick(backlog));
      });
    };
    backlogGauge(
      'hexashop_outbox_pending_events',
      'Outbox events not yet published',
      (b) => b.pending,
    );
    backlogGauge(
      'hexashop_outbox_oldest_pending_age_seconds',
      'Age of the oldest unpublished outbox event, 0 when none',
      (b) => b.oldestPendingAgeSeconds,
    );
    backlogGauge(
      'hexashop_outbox_undelivered_events',
      'Outbox events some subscribed consumer has not finished (in flight, retrying, or a dead letter)',
      (b) => b.undelivered,
    );
    backlogGauge(
      'hexashop_outbox_oldest_undelivered_age_seconds',
      'Age of the oldest outbox event not yet delivered to every consumer, 0 when none',
      (b) => b.oldestUndeliveredAgeSeconds,
    );
  }

  /** Backlog sizes and ages for one scrape (the gauges share one query on the undelivered index). */
  private backlog(): Promise<Backlog | undefined> {
    if (this.backlogRead && Date.now() - this.backlogRead.at < 1000) return this.backlogRead.value;
    const age = (at: Date | string | null | undefined) =>
      at ? Math.max(0, (Date.now() - new Date(at).getTime()) / 1000) : 0;
    const value = withTimeout(
      this.dataSource.query(
        `SELECT COUNT(*) AS undelivered, MIN(occurred_at) AS oldest,
                SUM(published_at IS NULL) AS pending,
                MIN(CASE WHEN published_at IS NULL THEN occurred_at END) AS oldest_pending
           FROM outbox_events WHERE delivered_at IS NULL`,
      ) as Promise<
        Array<{
          undelivered: number | string;
          oldest: Date | string | null;
          pending: number | string | null;
          oldest_pending: Date | string | null;
        }>
      >,
      1000,
      'outbox backlog',
    )
      .then(([row]) => ({
        pending: Number(row?.pending ?? 0),
        oldestPendingAgeSeconds: age(row?.oldest_pending),
        undelivered: Number(row?.undelivered ?? 0),
        oldestUndeliveredAgeSeconds: age(row?.oldest),
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

  /** Before the database closes. */
  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let handled = 0;
      try {
        await this.watchEpoch();
        handled = await this.pump();
        const redriven = await this.deadLetters.redriveRequested((queue, name, data, jobId) =>
          this.enqueue(queue, name, data, jobId, true),
        );
        if (redriven.length > 0) await this.recheckSoon(redriven);
      } catch (error) {
        this.failures.inc();
        this.logger.warn(`outbox relay: ${safeErrorMessage(error)}`);
        await sleep(1000);
      }
      if (handled < BATCH_SIZE) await sleep(IDLE_POLL_MS);
    }
  }

  /** Once a second: if Redis lost the queues, every undelivered event is looked at now. */
  private async watchEpoch(): Promise<void> {
    if (Date.now() < this.nextEpochCheck) return;
    this.nextEpochCheck = Date.now() + EPOCH_CHECK_MS;
    const changed = await this.epoch.changed().catch(() => false);
    if (!changed) return;
    const result = (await this.dataSource.query(
      'UPDATE outbox_events SET claimed_until = NULL WHERE delivered_at IS NULL AND published_at IS NOT NULL',
    )) as { affectedRows: number };
    if (result.affectedRows > 0) {
      this.dataLosses.inc();
      this.logger.warn(
        `the queues in Redis are new or were lost: re-checking ${result.affectedRows} undelivered events`,
      );
    }
  }

  /** Publishes or re-checks one batch; returns how many events it claimed. */
  async pump(): Promise<number> {
    const rows = await this.claim();
    if (rows.length === 0) return 0;
    await this.recheck(rows.filter((row) => row.published_at !== null));
    await this.publish(rows.filter((row) => row.published_at === null));
    return rows.length;
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const done: string[] = [];
    const failed: string[] = [];
    const unsubscribed: string[] = [];
    for (const row of rows) {
      const subscriptions = this.subscriptions.for(row.type);
      if (subscriptions.length === 0) {
        unsubscribed.push(row.id);
        continue;
      }
      try {
        for (const subscription of subscriptions) {
          await this.enqueue(subscription.queue, subscription.job, toJob(row), row.id);
        }
        done.push(row.id);
      } catch (error) {
        failed.push(row.id);
        this.logger.warn(`could not enqueue event ${row.id}: ${safeErrorMessage(error)}`);
      }
    }
    // Nobody consumes it: delivered as it stands.
    await this.deliveries.markDelivered(unsubscribed);
    if (done.length > 0) {
      // claimed_until stays at the next look the claim stamped.
      await this.dataSource.query(
        'UPDATE outbox_events SET published_at = ? WHERE id IN (?) AND published_at IS NULL',
        [new Date(), done],
      );
      this.published.inc(done.length);
    }
    if (failed.length > 0) {
      await this.retrySoon(failed);
      throw new Error(`${failed.length} events could not be enqueued`);
    }
  }

  /** Events seen before and still undelivered: find the consumers that are not done and why. */
  private async recheck(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const pending = rows.map((row) => ({
      row,
      subscriptions: this.subscriptions.for(row.type),
    }));
    const done = await this.deliveries.done(
      pending.flatMap(({ row, subscriptions }) =>
        subscriptions.map((s) => ({ consumer: consumerName(s.queue, s.job), eventId: row.id })),
      ),
    );
    const dead = await this.deadLetters.deadJobIds(rows.map((row) => row.id));
    const delivered: string[] = [];
    const parked: string[] = [];
    const failed: string[] = [];
    for (const { row, subscriptions } of pending) {
      const missing = subscriptions.filter(
        (s) => !done.has(deliveryKey(consumerName(s.queue, s.job), row.id)),
      );
      try {
        const outcomes: Redelivery[] = [];
        for (const subscription of missing) {
          outcomes.push(
            dead.has(deadLetterKey(subscription.queue, row.id))
              ? 'parked'
              : await this.redeliver(subscription, row),
          );
        }
        if (outcomes.every((outcome) => outcome === 'done')) delivered.push(row.id);
        else if (outcomes.every((outcome) => outcome === 'parked' || outcome === 'done'))
          parked.push(row.id);
      } catch (error) {
        failed.push(row.id);
        this.logger.warn(`could not re-check event ${row.id}: ${safeErrorMessage(error)}`);
      }
    }
    await this.deliveries.markDelivered(delivered);
    if (parked.length > 0)
      await this.dataSource.query('UPDATE outbox_events SET claimed_until = ? WHERE id IN (?)', [
        new Date(Date.now() + PARKED_RECHECK_MS),
        parked,
      ]);
    if (failed.length > 0) await this.retrySoon(failed);
  }

  /** One consumer that is not done with an event: leave its job alone, or add it again. */
  private async redeliver(subscription: Subscription, row: OutboxRow): Promise<Redelivery> {
    const queue = this.queue(subscription.queue);
    const job = (await withTimeout(
      queue.getJob(row.id),
      ENQUEUE_TIMEOUT_MS,
      `find ${subscription.queue} job`,
    )) as Job<OutboxJob> | null;
    let reason = 'missing';
    if (job) {
      const state = await withTimeout(job.getState(), ENQUEUE_TIMEOUT_MS, 'job state');
      if (['waiting', 'active', 'delayed', 'paused'].includes(state)) return 'in-flight';
      if (state === 'completed') {
        // Bull says it ran, but nothing recorded it: a processor that does not go through OutboxConsumer.
        const consumer = consumerName(subscription.queue, subscription.job);
        this.logger.error(
          `${consumer} completed event ${row.id} without a processed_messages row: use OutboxConsumer.consume`,
        );
        return (await this.deliveries.recordDone(consumer, row.id)) ? 'done' : 'in-flight';
      }
      if (state === 'failed' && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        // Its last attempt failed but the dead letter was not recorded (the recorder could not reach MySQL).
        await this.deadLetters.record(
          subscription.queue,
          job,
          new Error(job.failedReason ?? 'failed'),
        );
        return 'parked';
      }
      // Failed without using its attempts (stalled too often) or lost half its keys.
      reason = state === 'failed' ? 'failed' : 'stuck';
      await withTimeout(job.remove(), ENQUEUE_TIMEOUT_MS, `remove ${subscription.queue} job`);
    }
    await this.enqueue(subscription.queue, subscription.job, toJob(row), row.id);
    this.redelivered.inc({ queue: subscription.queue, reason });
    this.logger.warn(`re-added ${subscription.queue}/${subscription.job}#${row.id} (${reason})`);
    return 'republished';
  }

  private claim(): Promise<OutboxRow[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const now = new Date();
      const rows = (await manager.query(
        `SELECT id, type, aggregate_type, aggregate_id, payload, occurred_at, published_at
           FROM outbox_events
          WHERE delivered_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)
          ORDER BY claimed_until, id
          LIMIT ${BATCH_SIZE}
          FOR UPDATE SKIP LOCKED`,
        [now],
      )) as OutboxRow[];
      if (rows.length > 0) {
        await manager.query(
          'UPDATE outbox_events SET claimed_until = ?, claimed_by = ?, attempts = attempts + 1 WHERE id IN (?)',
          [new Date(now.getTime() + this.redeliveryMs), this.instance, rows.map((row) => row.id)],
        );
      }
      return rows;
    });
  }

  /** Give Redis a moment before the next try instead of waiting for the next look. */
  private async retrySoon(ids: string[]): Promise<void> {
    await this.dataSource.query('UPDATE outbox_events SET claimed_until = ? WHERE id IN (?)', [
      new Date(Date.now() + 1000),
      ids,
    ]);
  }

  /** A redriven event is watched again like a new one. */
  private async recheckSoon(ids: string[]): Promise<void> {
    await this.dataSource.query(
      'UPDATE outbox_events SET claimed_until = ? WHERE id IN (?) AND delivered_at IS NULL',
      [new Date(Date.now() + this.redeliveryMs), ids],
    );
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Adds a job; `replace` first removes a finished job of that id (redrive), since Bull ignores a duplicate id. */
  private async enqueue(
    queueName: QueueName,
    jobName: string,
    data: OutboxJob,
    jobId: string,
    replace = false,
  ): Promise<void> {
    const queue = this.queue(queueName);
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

function toJob(row: OutboxRow): OutboxJob {
  return {
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
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
