import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { JobCounts, Queue } from 'bull';
import { MetricsService } from '../observability/metrics.service';
import { withTimeout } from '../resilience/with-timeout';
import { ALL_QUEUES, QueueName } from './queue-names';

export type QueueCounts = Record<QueueName, JobCounts & { paused: number }>;

/**
 * Reads queue depths for the metrics endpoint and the admin API.
 */
@Injectable()
export class QueueMonitor {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly metrics: MetricsService,
  ) {
    // Shared state: every instance reads the same Redis counts, so one exports them.
    this.metrics.sharedGauge(
      'hexashop_queue_jobs',
      'Jobs per queue and state (exported by one worker)',
      ['queue', 'state'],
      async (gauge) => {
        const counts = await this.counts().catch(() => undefined);
        if (!counts) return;
        for (const [queue, byState] of Object.entries(counts)) {
          for (const [state, value] of Object.entries(byState))
            gauge.set({ queue, state }, Number(value));
        }
      },
    );
  }

  queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Job counts per queue and state (fails fast when Redis is down). */
  async counts(): Promise<QueueCounts> {
    const entries = await Promise.all(
      ALL_QUEUES.map(async (name) => {
        const queue = this.queue(name);
        const [counts, paused] = await withTimeout(
          Promise.all([queue.getJobCounts(), queue.getPausedCount()]),
          1000,
          `count ${name}`,
        );
        return [name, { ...counts, paused }] as const;
      }),
    );
    return Object.fromEntries(entries) as QueueCounts;
  }
}
