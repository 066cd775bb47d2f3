import { Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { withTimeout } from '../resilience/with-timeout';
import { safeErrorMessage } from '../observability/safe-error';

const SCHEDULE_TIMEOUT_MS = 2000;
const SCHEDULE_RETRY_MS = 5000;
/** How often a scheduled job checks that Redis still has its schedule (it is lost with Redis's data). */
const VERIFY_EVERY_MS = 30_000;

/**
 * Keeps one repeatable Bull job scheduled every `everyMs`. Every worker calls
 * `start()`; Bull keys repeatable jobs by name, id and interval, so N workers
 * still make one job per tick. A schedule left over from another interval is
 * removed. Redis being away does not stop the worker from starting: the
 * schedule is retried every 5 s until it sticks; and every 30 s the worker
 * checks that Redis still has it, so a Redis that lost its data gets the
 * schedule back without a restart.
 */
export class RepeatableJob {
  private readonly logger = new Logger(RepeatableJob.name);
  private retry: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    /** Looked up when scheduling: queue providers may not exist yet while processors are constructed. */
    private readonly queue: () => Queue,
    private readonly name: string,
    private readonly everyMs: number,
  ) {}

  start(): void {
    void this.schedule();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retry);
  }

  private later(ms: number, next: () => Promise<void>): void {
    if (this.stopped) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void next(), ms);
    this.retry.unref();
  }

  private async verify(): Promise<void> {
    try {
      const existing = await withTimeout(
        this.queue().getRepeatableJobs(),
        SCHEDULE_TIMEOUT_MS,
        'list repeatable jobs',
      );
      if (existing.some((job) => job.name === this.name && Number(job.every) === this.everyMs)) {
        this.later(VERIFY_EVERY_MS, () => this.verify());
        return;
      }
      this.logger.warn(
        `${this.name} is no longer scheduled (Redis lost its data?): scheduling it again`,
      );
      await this.schedule();
    } catch {
      this.later(VERIFY_EVERY_MS, () => this.verify());
    }
  }

  private async schedule(): Promise<void> {
    try {
      const existing = await withTimeout(
        this.queue().getRepeatableJobs(),
        SCHEDULE_TIMEOUT_MS,
        'list repeatable jobs',
      );
      for (const job of existing) {
        if (job.name === this.name && Number(job.every) !== this.everyMs) {
          await withTimeout(
            this.queue().removeRepeatableByKey(job.key),
            SCHEDULE_TIMEOUT_MS,
            'remove repeatable job',
          );
        }
      }
      await withTimeout(
        this.queue().add(
          this.name,
          {},
          {
            repeat: { every: this.everyMs },
            jobId: this.name,
            // No retries: the next tick is the retry, and a failure still shows as a dead letter.
            attempts: 1,
            removeOnComplete: 100,
            removeOnFail: 100,
          },
        ),
        SCHEDULE_TIMEOUT_MS,
        `schedule ${this.name}`,
      );
      this.logger.log(`${this.name} every ${this.everyMs} ms`);
      this.later(VERIFY_EVERY_MS, () => this.verify());
    } catch (error) {
      this.logger.warn(`could not schedule ${this.name}: ${safeErrorMessage(error)}`);
      this.later(SCHEDULE_RETRY_MS, () => this.schedule());
    }
  }
}
