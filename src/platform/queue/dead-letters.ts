import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bull';
import { DataSource } from 'typeorm';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { NotFoundError } from '../../shared/kernel/not-found.error';
import { ReadDatabase } from '../database/read-database';
import { MetricsService } from '../observability/metrics.service';
import { withTimeout } from '../resilience/with-timeout';
import { OutboxJob } from './outbox-job';
import { ALL_QUEUES, QueueName } from './queue-names';
import { safeErrorMessage } from '../observability/safe-error';

const DEAD_LETTER_STATUSES = ['DEAD', 'REDRIVE_REQUESTED', 'REDRIVEN'] as const;

export interface DeadLetterView {
  id: string;
  queue: string;
  jobName: string;
  jobId: string;
  eventType: string | null;
  error: string;
  attempts: number;
  status: (typeof DEAD_LETTER_STATUSES)[number];
  failedAt: string;
  redrivenAt: string | null;
  data: unknown;
}

interface DeadLetterRow {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: string | Record<string, unknown>;
  error: string;
  attempts: number;
  status: DeadLetterView['status'];
  failed_at: Date;
  redriven_at: Date | null;
}

/** Key of a dead letter in the set `deadJobIds` returns. */
export function deadLetterKey(queue: string, jobId: string): string {
  return `${queue}\u0000${jobId}`;
}

type Enqueue = (queue: QueueName, jobName: string, data: OutboxJob, jobId: string) => Promise<void>;

/**
 * Bull v4 has no dead-letter queue: a job that failed its last attempt is
 * recorded here (MySQL, so it survives Redis). Redrive never touches Redis on
 * the request path: it marks the row, and the worker's relay re-enqueues it.
 */
@Injectable()
export class DeadLetters {
  private readonly logger = new Logger(DeadLetters.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadDatabase,
    private readonly ids: IdGenerator,
    metrics: MetricsService,
  ) {
    metrics.sharedGauge(
      'hexashop_dead_letters',
      'Dead letters by status (exported by one worker)',
      ['status'],
      async (gauge) => {
        const rows = (await withTimeout(
          this.dataSource.query('SELECT status, COUNT(*) AS n FROM dead_letters GROUP BY status'),
          1000,
          'dead letter count',
        ).catch(() => undefined)) as Array<{ status: string; n: number | string }> | undefined;
        if (!rows) return;
        for (const status of DEAD_LETTER_STATUSES)
          gauge.set({ status }, Number(rows.find((row) => row.status === status)?.n ?? 0));
      },
    );
  }

  /** Records a job that exhausted its attempts (upsert: a redriven job may die again). */
  async record(queue: string, job: Job<OutboxJob>, error: Error): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters (id, queue, job_name, job_id, payload, error, attempts, status, failed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'DEAD', ?)
       ON DUPLICATE KEY UPDATE error = ?, attempts = attempts + ?, status = 'DEAD', failed_at = ?`,
      [
        this.ids.next(),
        queue,
        job.name,
        String(job.id),
        JSON.stringify(job.data),
        safeErrorMessage(error).slice(0, 2000),
        job.attemptsMade,
        new Date(),
        safeErrorMessage(error).slice(0, 2000),
        job.attemptsMade,
        new Date(),
      ],
    );
    this.logger.error(
      `job ${queue}/${job.name}#${job.id} is a dead letter after ${job.attemptsMade} attempts: ${safeErrorMessage(error)}`,
    );
  }

  /** Dead letters, newest first, keyset-paginated by id. */
  async list(
    limit: number,
    cursor?: string,
  ): Promise<{ items: DeadLetterView[]; nextCursor: string | null }> {
    const rows = await this.reads.query<DeadLetterRow>(
      `SELECT id, queue, job_name, job_id, payload, error, attempts, status, failed_at, redriven_at
         FROM dead_letters ${cursor ? 'WHERE id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      cursor ? [cursor, limit + 1] : [limit + 1],
      { consistency: 'strong' },
    );
    const page = rows.slice(0, limit).map(toView);
    return {
      items: page,
      nextCursor: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null,
    };
  }

  /** Asks the worker to queue the job again; idempotent while the request is pending. */
  async requestRedrive(id: string): Promise<DeadLetterView> {
    const result = (await this.dataSource.query(
      `UPDATE dead_letters SET status = 'REDRIVE_REQUESTED', redrive_requested_at = ? WHERE id = ? AND status IN ('DEAD', 'REDRIVE_REQUESTED')`,
      [new Date(), id],
    )) as { affectedRows: number };
    const rows = await this.reads.query<DeadLetterRow>(
      'SELECT id, queue, job_name, job_id, payload, error, attempts, status, failed_at, redriven_at FROM dead_letters WHERE id = ?',
      [id],
      { consistency: 'strong' },
    );
    if (!rows[0] || (result.affectedRows === 0 && rows[0].status !== 'REDRIVEN'))
      throw new NotFoundError('Dead letter', id);
    return toView(rows[0]);
  }

  /**
   * Which of these job ids have a dead letter that was not redriven yet, as
   * `deadLetterKey`s: the relay leaves those jobs to the operator.
   */
  async deadJobIds(jobIds: readonly string[]): Promise<Set<string>> {
    if (jobIds.length === 0) return new Set();
    const rows = (await this.dataSource.query(
      "SELECT queue, job_id FROM dead_letters WHERE queue IN (?) AND job_id IN (?) AND status <> 'REDRIVEN'",
      [ALL_QUEUES, jobIds],
    )) as Array<{ queue: string; job_id: string }>;
    return new Set(rows.map((row) => deadLetterKey(row.queue, row.job_id)));
  }

  /** Worker: re-enqueues the dead letters whose redrive was requested; returns their job ids. */
  async redriveRequested(enqueue: Enqueue): Promise<string[]> {
    return this.dataSource.transaction('READ COMMITTED', async (manager) => {
      const rows = (await manager.query(
        `SELECT id, queue, job_name, job_id, payload FROM dead_letters
          WHERE status = 'REDRIVE_REQUESTED' ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED`,
      )) as DeadLetterRow[];
      for (const row of rows) {
        const data = (
          typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload
        ) as OutboxJob;
        await enqueue(row.queue as QueueName, row.job_name, data, row.job_id);
        await manager.query(
          `UPDATE dead_letters SET status = 'REDRIVEN', redriven_at = ? WHERE id = ?`,
          [new Date(), row.id],
        );
        this.logger.log(`redrove ${row.queue}/${row.job_name}#${row.job_id}`);
      }
      return rows.map((row) => row.job_id);
    });
  }
}

function toView(row: DeadLetterRow): DeadLetterView {
  const data =
    typeof row.payload === 'string'
      ? (JSON.parse(row.payload) as OutboxJob)
      : (row.payload as unknown as OutboxJob);
  return {
    id: row.id,
    queue: row.queue,
    jobName: row.job_name,
    jobId: row.job_id,
    eventType: data?.type ?? null,
    error: row.error,
    attempts: Number(row.attempts),
    status: row.status,
    failedAt: new Date(row.failed_at).toISOString(),
    redrivenAt: row.redriven_at ? new Date(row.redriven_at).toISOString() : null,
    data,
  };
}
