import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../../../../platform/config/app-config';
import { QueueMonitor } from '../../../../platform/queue/queue-monitor';
import { QUEUES } from '../../../../platform/queue/queue-names';
import { RepeatableJob } from '../../../../platform/queue/repeatable-job';
import {
  ExpireUserCouponsCommand,
  ExpireUserCouponsResult,
} from '../../application/commands/expire-user-coupons/expire-user-coupons.command';

/** Name of the repeatable job on the maintenance queue. */
export const EXPIRE_USER_COUPONS_JOB = 'expire-user-coupons';

/**
 * Runs the coupon expiry sweep as a repeatable Bull job. Every worker
 * schedules it at start; Bull keys repeatable jobs by name, id and interval,
 * so N workers still make one job per tick, and the sweep itself is safe to
 * run concurrently. A schedule left over from another interval is removed.
 */
@Processor(QUEUES.maintenance)
export class CouponExpiryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CouponExpiryProcessor.name);
  private readonly schedule: RepeatableJob;

  constructor(
    private readonly commands: CommandBus,
    monitor: QueueMonitor,
    config: AppConfig,
  ) {
    this.schedule = new RepeatableJob(
      () => monitor.queue(QUEUES.maintenance),
      EXPIRE_USER_COUPONS_JOB,
      config.jobs.couponExpiryEveryMs,
    );
  }

  onApplicationBootstrap(): void {
    // Not awaited: a worker must start (and relay the outbox) even while Redis is away.
    this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process({ name: EXPIRE_USER_COUPONS_JOB, concurrency: 1 })
  async expire(): Promise<ExpireUserCouponsResult> {
    const result = await this.commands.execute(new ExpireUserCouponsCommand());
    if (result.expired > 0) this.logger.log(`expired ${result.expired} user coupons`);
    return result;
  }
}
