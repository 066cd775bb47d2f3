import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponExpiryProcessor } from './adapters/jobs/coupon-expiry.processor';
import { CouponOrmEntity } from './adapters/persistence/coupon.orm-entity';
import { TypeOrmUserCouponRepository } from './adapters/persistence/typeorm-user-coupon.repository';
import { UserCouponOrmEntity } from './adapters/persistence/user-coupon.orm-entity';
import { ExpireUserCouponsHandler } from './application/commands/expire-user-coupons/expire-user-coupons.handler';
import { UserCouponRepository } from './application/ports/user-coupon.repository.port';

/** Coupons (worker): the repeatable sweep that expires user coupons whose window ended. */
@Module({
  imports: [TypeOrmModule.forFeature([CouponOrmEntity, UserCouponOrmEntity])],
  providers: [
    CouponExpiryProcessor,
    ExpireUserCouponsHandler,
    { provide: UserCouponRepository, useClass: TypeOrmUserCouponRepository },
  ],
})
export class CouponsWorkerModule {}
