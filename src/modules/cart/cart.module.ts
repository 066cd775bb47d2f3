import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { CartController } from './adapters/http/cart.controller';
import { TypeOrmCartContents } from './adapters/persistence/typeorm-cart.contents';
import { TypeOrmCartReadModel } from './adapters/persistence/typeorm-cart.read-model';
import { TypeOrmCartRepository } from './adapters/persistence/typeorm-cart.repository';
import { ClearCartHandler } from './application/commands/clear-cart/clear-cart.handler';
import { RemoveCartItemHandler } from './application/commands/remove-cart-item/remove-cart-item.handler';
import { SetCartItemHandler } from './application/commands/set-cart-item/set-cart-item.handler';
import { CartContents } from './application/ports/cart-contents.port';
import { CartReadModel } from './application/ports/cart.read-model.port';
import { CartRepository } from './application/ports/cart.repository.port';
import { GetCartHandler } from './application/queries/get-cart/get-cart.handler';

/** Cart: one cart per user, priced from the catalog's current views. Exports CartContents to checkout. */
@Module({
  imports: [CatalogModule],
  controllers: [CartController],
  providers: [
    SetCartItemHandler,
    RemoveCartItemHandler,
    ClearCartHandler,
    GetCartHandler,
    { provide: CartRepository, useClass: TypeOrmCartRepository },
    { provide: CartReadModel, useClass: TypeOrmCartReadModel },
    { provide: CartContents, useClass: TypeOrmCartContents },
  ],
  exports: [CartContents],
})
export class CartModule {}
