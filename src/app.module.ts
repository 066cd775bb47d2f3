import { FulfillmentModule } from './modules/fulfillment/fulfillment.module';
import { ReviewsModule } from './modules/reviews/reviews.module';
import { DynamicModule, Module } from '@nestjs/common';
import { CartModule } from './modules/cart/cart.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { CouponsModule } from './modules/coupons/coupons.module';
import { IdentityModule } from './modules/identity/identity.module';
import { OrderingModule } from './modules/ordering/ordering.module';
import { WalletModule } from './modules/wallet/wallet.module';
import { AuthModule } from './platform/auth/auth.module';
import { AppConfig } from './platform/config/app-config';
import { IdempotencyModule } from './platform/idempotency/idempotency.module';
import { OutboxModule } from './platform/outbox/outbox.module';
import { PlatformModule } from './platform/platform.module';
import { QueueModule } from './platform/queue/queue.module';
import { ThrottlingModule } from './platform/throttling/throttling.module';
import { FastRoutesModule } from './platform/http/fast-routes.module';

/** The API process: HTTP only, never runs jobs. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.register(config),
        QueueModule.forApi(),
        OutboxModule.forApi(),
        IdempotencyModule,
        // Guard order follows import order: rate limit, then authentication, then roles.
        ThrottlingModule,
        AuthModule,
        FastRoutesModule,
        IdentityModule,
        CatalogModule,
        CouponsModule,
        CartModule,
        WalletModule,
        OrderingModule,
        FulfillmentModule,
        ReviewsModule,
      ],
    };
  }
}
