import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { UserCouponRepository } from '../../ports/user-coupon.repository.port';
import { ExpireUserCouponsCommand, ExpireUserCouponsResult } from './expire-user-coupons.command';

/**
 * The expiry sweep: AVAILABLE coupons whose window ended become EXPIRED, in
 * short transactions of at most `batchSize` rows so no lock is held long.
 * Idempotent and safe on several workers at once (rows another run holds
 * are skipped, and an expired row no longer matches).
 */
@CommandHandler(ExpireUserCouponsCommand)
export class ExpireUserCouponsHandler implements ICommandHandler<
  ExpireUserCouponsCommand,
  ExpireUserCouponsResult
> {
  constructor(
    private readonly userCoupons: UserCouponRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ExpireUserCouponsCommand): Promise<ExpireUserCouponsResult> {
    const now = this.clock.now();
    let expired = 0;
    for (let batch = 0; batch < command.maxBatches; batch++) {
      const changed = await this.unitOfWork.run(() =>
        this.userCoupons.expireDue(now, command.batchSize),
      );
      expired += changed;
      if (changed < command.batchSize) return { expired, more: false };
    }
    return { expired, more: true };
  }
}
