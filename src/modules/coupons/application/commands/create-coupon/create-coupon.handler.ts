import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { IdGenerator } from '../../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../../shared/kernel/unit-of-work.port';
import { Coupon } from '../../../domain/coupon.aggregate';
import { CouponRepository } from '../../ports/coupon.repository.port';
import { CouponView } from '../../queries/get-coupon/coupon.view';
import { CreateCouponCommand } from './create-coupon.command';

/** Creates a coupon issue (admin); nothing is handed out yet. */
@CommandHandler(CreateCouponCommand)
export class CreateCouponHandler implements ICommandHandler<CreateCouponCommand, CouponView> {
  constructor(
    private readonly coupons: CouponRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateCouponCommand): Promise<CouponView> {
    const coupon = Coupon.create({ ...command.input, id: this.ids.next(), now: this.clock.now() });
    await this.unitOfWork.run(() => this.coupons.add(coupon));
    return {
      id: coupon.id,
      name: coupon.name,
      discountType: coupon.policy.discountType,
      discountValue: coupon.policy.discountValue,
      maxDiscount: coupon.policy.maxDiscount,
      minOrderAmount: coupon.policy.minOrderAmount,
      totalQuantity: coupon.totalQuantity,
      remainingQuantity: coupon.totalQuantity - coupon.issuedQuantity,
      validFrom: coupon.window.validFrom.toISOString(),
      validUntil: coupon.window.validUntil.toISOString(),
      createdAt: coupon.createdAt.toISOString(),
    };
  }
}
