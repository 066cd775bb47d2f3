import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheService } from '../../platform/cache/cache.service';
import { ReadDatabase } from '../../platform/database/read-database';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { CachedCouponReadModel } from './adapters/cache/cached-coupon.read-model';
import { CouponsController } from './adapters/http/coupons.controller';
import { MyCouponsController } from './adapters/http/my-coupons.controller';
import { CouponOrmEntity } from './adapters/persistence/coupon.orm-entity';
import { TypeOrmCouponReadModel } from './adapters/persistence/typeorm-coupon.read-model';
import { TypeOrmCouponRepository } from './adapters/persistence/typeorm-coupon.repository';
import { TypeOrmUserCouponReadModel } from './adapters/persistence/typeorm-user-coupon.read-model';
import { TypeOrmUserCouponRepository } from './adapters/persistence/typeorm-user-coupon.repository';
import { UserCouponOrmEntity } from './adapters/persistence/user-coupon.orm-entity';
import { CreateCouponHandler } from './application/commands/create-coupon/create-coupon.handler';
import { IssueCouponHandler } from './application/commands/issue-coupon/issue-coupon.handler';
import { CouponRedemptions } from './application/ports/coupon-redemptions.port';
import { CouponReadModel } from './application/ports/coupon.read-model.port';
import { CouponRepository } from './application/ports/coupon.repository.port';
import { UserCouponReadModel } from './application/ports/user-coupon.read-model.port';
import { UserCouponRepository } from './application/ports/user-coupon.repository.port';
import { GetCouponHandler } from './application/queries/get-coupon/get-coupon.handler';
import { ListMyCouponsHandler } from './application/queries/list-my-coupons/list-my-coupons.handler';
import { CouponRedemptionService } from './application/services/coupon-redemption.service';

/**
 * Coupons (API): issues created by admins, handed out first come, first
 * served, listed per user. Exports CouponRedemptions for ordering.
 */
@Module({
  imports: [TypeOrmModule.forFeature([CouponOrmEntity, UserCouponOrmEntity])],
  controllers: [CouponsController, MyCouponsController],
  providers: [
    CreateCouponHandler,
    IssueCouponHandler,
    GetCouponHandler,
    ListMyCouponsHandler,
    { provide: CouponRepository, useClass: TypeOrmCouponRepository },
    { provide: UserCouponRepository, useClass: TypeOrmUserCouponRepository },
    { provide: UserCouponReadModel, useClass: TypeOrmUserCouponReadModel },
    {
      provide: CouponReadModel,
      useFactory: (database: ReadDatabase, cache: CacheService) =>
        new CachedCouponReadModel(new TypeOrmCouponReadModel(database), cache),
      inject: [ReadDatabase, CacheService],
    },
    {
      // Built by hand: application classes carry no Nest decorators.
      provide: CouponRedemptions,
      useFactory: (...deps: ConstructorParameters<typeof CouponRedemptionService>) =>
        new CouponRedemptionService(...deps),
      inject: [CouponRepository, UserCouponRepository, UnitOfWork],
    },
  ],
  exports: [CouponRedemptions],
})
export class CouponsModule {}
