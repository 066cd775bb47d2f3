import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job } from 'bull';
import { MetricsService } from '../observability/metrics.service';
import { DeadLetters } from './dead-letters';
import { OutboxJob } from './outbox-job';
import { ALL_QUEUES } from './queue-names';
import { QueueMonitor } from './queue-monitor';
import { safeErrorMessage } from '../observability/safe-error';

/** Worker only: records dead letters and job metrics from queue events. */
@Injectable()
export class JobFailureRecorder implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobFailureRecorder.name);

  constructor(
    private readonly monitor: QueueMonitor,
    private readonly deadLetters: DeadLetters,
    private readonly metrics: MetricsService,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of ALL_QUEUES) {
      const queue = this.monitor.queue(name);
      queue.on('completed', (job: Job) =>
        this.metrics.jobs.inc({ queue: name, job: job.name, result: 'completed' }),
      );
      queue.on('failed', (job: Job<OutboxJob>, error: Error) => {
        const final = job.attemptsMade >= (job.opts.attempts ?? 1);
        this.metrics.jobs.inc({ queue: name, job: job.name, result: final ? 'dead' : 'retry' });
        if (!final) return;
        this.deadLetters
          .record(name, job, error)
          .catch((recordError: Error) =>
            this.logger.error(
              `could not record dead letter ${name}#${job.id}: ${safeErrorMessage(recordError)} (job kept in Bull's failed set)`,
            ),
          );
      });
      queue.on('error', (error: Error) =>
        this.logger.warn(`queue ${name}: ${safeErrorMessage(error)}`),
      );
    }
  }
}
