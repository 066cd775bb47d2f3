import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../../../../platform/config/app-config';
import { QueueMonitor } from '../../../../platform/queue/queue-monitor';
import { QUEUES } from '../../../../platform/queue/queue-names';
import { withTimeout } from '../../../../platform/resilience/with-timeout';
import {
  ExpireUserCouponsCommand,
  ExpireUserCouponsResult,
} from '../../application/commands/expire-user-coupons/expire-user-coupons.command';

/** Name of the repeatable job on the maintenance queue. */
export const EXPIRE_USER_COUPONS_JOB = 'expire-user-coupons';
const SCHEDULE_TIMEOUT_MS = 2000;
const SCHEDULE_RETRY_MS = 5000;

/**
 * Runs the coupon expiry sweep as a repeatable Bull job. Every worker
 * schedules it at start; Bull keys repeatable jobs by name, id and interval,
 * so N workers still make one job per tick, and the sweep itself is safe to
 * run concurrently. A schedule left over from another interval is removed.
 */
@Processor(QUEUES.maintenance)
export class CouponExpiryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CouponExpiryProcessor.name);
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly commands: CommandBus,
    private readonly monitor: QueueMonitor,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: a worker must start (and relay the outbox) even while Redis is away.
    void this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  @Process({ name: EXPIRE_USER_COUPONS_JOB, concurrency: 1 })
  async expire(): Promise<ExpireUserCouponsResult> {
    const result = await this.commands.execute(new ExpireUserCouponsCommand());
    if (result.expired > 0) this.logger.log(`expired ${result.expired} user coupons`);
    return result;
  }

  private async schedule(): Promise<void> {
    const every = this.config.jobs.couponExpiryEveryMs;
    const queue = this.monitor.queue(QUEUES.maintenance);
    try {
      const existing = await withTimeout(
        queue.getRepeatableJobs(),
        SCHEDULE_TIMEOUT_MS,
        'list repeatable jobs',
      );
      for (const job of existing) {
        if (job.name === EXPIRE_USER_COUPONS_JOB && Number(job.every) !== every)
          await withTimeout(
            queue.removeRepeatableByKey(job.key),
            SCHEDULE_TIMEOUT_MS,
            'remove repeatable job',
          );
      }
      await withTimeout(
        queue.add(
          EXPIRE_USER_COUPONS_JOB,
          {},
          {
            repeat: { every },
            jobId: EXPIRE_USER_COUPONS_JOB,
            // No retries: the next tick is the retry, and a failure still shows as a dead letter.
            attempts: 1,
            removeOnComplete: 100,
            removeOnFail: 100,
          },
        ),
        SCHEDULE_TIMEOUT_MS,
        'schedule coupon expiry',
      );
      this.logger.log(`coupon expiry sweep every ${every} ms`);
    } catch (error) {
      this.logger.warn(`could not schedule the coupon expiry sweep: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), SCHEDULE_RETRY_MS);
      this.retry.unref();
    }
  }
}
