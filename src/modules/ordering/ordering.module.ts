import { TypeOrmDeliveredPurchases } from './adapters/persistence/typeorm-delivered.purchases';
import { DeliveredPurchases } from './application/ports/delivered-purchases.port';
import { Module } from '@nestjs/common';
import { Clock } from '../../shared/kernel/clock.port';
import { EventOutbox } from '../../shared/kernel/event-outbox.port';
import { IdGenerator } from '../../shared/kernel/id-generator.port';
import { CartModule } from '../cart/cart.module';
import { ProductStock } from '../catalog/application/ports/product-stock.port';
import { CatalogModule } from '../catalog/catalog.module';
import { CouponRedemptions } from '../coupons/application/ports/coupon-redemptions.port';
import { CouponsModule } from '../coupons/coupons.module';
import { AddressReadModel } from '../identity/application/ports/address.read-model.port';
import { IdentityDirectoryModule } from '../identity/identity-directory.module';
import { WalletPayments } from '../wallet/application/ports/wallet-payments.port';
import { WalletModule } from '../wallet/wallet.module';
import { AppConfig } from '../../platform/config/app-config';
import { AdminReturnsController } from './adapters/http/admin-returns.controller';
import { BestSellersController } from './adapters/http/best-sellers.controller';
import { OrderReturnsController } from './adapters/http/order-returns.controller';
import { ReturnMetrics } from './adapters/http/returns.metrics';
import { TypeOrmOrderReturnReadModel } from './adapters/persistence/typeorm-order-return.read-model';
import { TypeOrmOrderReturnRepository } from './adapters/persistence/typeorm-order-return.repository';
import { ApproveReturnHandler } from './application/commands/approve-return/approve-return.handler';
import { RejectReturnHandler } from './application/commands/reject-return/reject-return.handler';
import { RequestReturnHandler } from './application/commands/request-return/request-return.handler';
import { OrderReturnReadModel } from './application/ports/order-return.read-model.port';
import { OrderReturnRepository } from './application/ports/order-return.repository.port';
import { ListReturnsHandler } from './application/queries/list-returns/list-returns.handler';
import { ReturnPolicy } from './application/services/return-policy';
import { CheckoutController } from './adapters/http/checkout.controller';
import { OrderMetrics } from './adapters/http/order.metrics';
import { OrdersController } from './adapters/http/orders.controller';
import { TypeOrmOrderReadModel } from './adapters/persistence/typeorm-order.read-model';
import { TypeOrmOrderRepository } from './adapters/persistence/typeorm-order.repository';
import { RedisSalesRanking } from './adapters/ranking/redis-sales.ranking';
import { CancelOrderHandler } from './application/commands/cancel-order/cancel-order.handler';
import { CheckoutCartHandler } from './application/commands/checkout-cart/checkout-cart.handler';
import { OrderPlacement } from './application/services/order-placement.service';
import { ShippingAddressResolver } from './application/services/shipping-address-resolver.service';
import { PlaceOrderHandler } from './application/commands/place-order/place-order.handler';
import { OrderReadModel } from './application/ports/order.read-model.port';
import { OrderRepository } from './application/ports/order.repository.port';
import { OrderProgress } from './application/ports/order-progress.port';
import { OrderProgressService } from './application/services/order-progress.service';
import { UnitOfWork } from '../../shared/kernel/unit-of-work.port';
import { SalesRanking } from './application/ports/sales-ranking.port';
import { GetBestSellersHandler } from './application/queries/get-best-sellers/get-best-sellers.handler';
import { GetOrderHandler } from './application/queries/get-order/get-order.handler';
import { ListOrdersHandler } from './application/queries/list-orders/list-orders.handler';

/** Ordering (API): placing, paying and cancelling orders; returns; best sellers. */
@Module({
  imports: [CatalogModule, WalletModule, CouponsModule, CartModule, IdentityDirectoryModule],
  controllers: [
    OrdersController,
    CheckoutController,
    BestSellersController,
    OrderReturnsController,
    AdminReturnsController,
  ],
  providers: [
    OrderMetrics,
    ReturnMetrics,
    RequestReturnHandler,
    ApproveReturnHandler,
    RejectReturnHandler,
    ListReturnsHandler,
    {
      provide: ReturnPolicy,
      useFactory: (config: AppConfig) => new ReturnPolicy(config.returnWindowDays),
      inject: [AppConfig],
    },
    { provide: OrderReturnRepository, useClass: TypeOrmOrderReturnRepository },
    { provide: OrderReturnReadModel, useClass: TypeOrmOrderReturnReadModel },
    PlaceOrderHandler,
    CheckoutCartHandler,
    CancelOrderHandler,
    GetOrderHandler,
    ListOrdersHandler,
    GetBestSellersHandler,
    {
      // Built by hand: application classes carry no Nest decorators.
      provide: OrderPlacement,
      useFactory: (...deps: ConstructorParameters<typeof OrderPlacement>) =>
        new OrderPlacement(...deps),
      inject: [
        ProductStock,
        CouponRedemptions,
        WalletPayments,
        OrderRepository,
        EventOutbox,
        IdGenerator,
        Clock,
      ],
    },
    {
      provide: ShippingAddressResolver,
      useFactory: (addresses: AddressReadModel) => new ShippingAddressResolver(addresses),
      inject: [AddressReadModel],
    },
    {
      provide: OrderProgress,
      useFactory: (orders: OrderRepository, unitOfWork: UnitOfWork) =>
        new OrderProgressService(orders, unitOfWork),
      inject: [OrderRepository, UnitOfWork],
    },
    { provide: OrderRepository, useClass: TypeOrmOrderRepository },
    { provide: DeliveredPurchases, useClass: TypeOrmDeliveredPurchases },
    { provide: OrderReadModel, useClass: TypeOrmOrderReadModel },
    { provide: SalesRanking, useClass: RedisSalesRanking },
  ],
  exports: [OrderProgress, DeliveredPurchases],
})
export class OrderingModule {}
