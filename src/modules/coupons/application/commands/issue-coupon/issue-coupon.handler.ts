import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { CouponAlreadyIssuedError } from '../../../domain/coupon-already-issued.error';
import { CouponSoldOutError } from '../../../domain/coupon-sold-out.error';
import { UserCoupon } from '../../../domain/user-coupon.aggregate';
import { CouponRepository } from '../../ports/coupon.repository.port';
import { UserCouponRepository } from '../../ports/user-coupon.repository.port';
import { IssueCouponCommand, IssuedCoupon } from './issue-coupon.command';

/**
 * Hands one coupon of an issue to the caller, first come, first served.
 * The database decides: the conditional increment of `issued_quantity` (its
 * row lock taken first, so the foreign-key check of the insert that follows
 * cannot deadlock on a lock upgrade) and the UNIQUE (coupon_id, user_id) key,
 * in one transaction. The reads before it only turn away obvious losers
 * without touching the hot row's lock.
 */
@CommandHandler(IssueCouponCommand)
export class IssueCouponHandler implements ICommandHandler<IssueCouponCommand, IssuedCoupon> {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly userCoupons: UserCouponRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: IssueCouponCommand): Promise<IssuedCoupon> {
    const now = this.clock.now();
    const coupon = await this.coupons.findById(command.couponId);
    if (!coupon) throw new NotFoundError('Coupon', command.couponId);
    coupon.assertIssuableAt(now);
    if (await this.userCoupons.isHeldBy(coupon.id, command.userId))
      throw new CouponAlreadyIssuedError();
    if (coupon.soldOut) throw new CouponSoldOutError();

    const userCoupon = UserCoupon.issue({
      id: this.ids.next(),
      couponId: coupon.id,
      userId: command.userId,
      validUntil: coupon.window.validUntil,
      now,
    });
    await this.unitOfWork.run(async () => {
      if (!(await this.coupons.takeOne(coupon.id))) throw new CouponSoldOutError();
      await this.userCoupons.add(userCoupon);
      this.unitOfWork.attributeTo(command.userId);
    });
    return {
      userCouponId: userCoupon.id,
      couponId: coupon.id,
      status: 'AVAILABLE',
      validUntil: userCoupon.validUntil.toISOString(),
    };
  }
}
