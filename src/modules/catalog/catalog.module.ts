import { TypeOrmProductRatings } from './adapters/persistence/typeorm-product.ratings';
import { ProductRatings } from './application/ports/product-ratings.port';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CachedCatalogReadModel } from './adapters/cache/cached-catalog.read-model';
import { ReadModelProductCatalog } from './adapters/cache/read-model.product-catalog';
import { RedisCatalogCache } from './adapters/cache/redis-catalog.cache';
import { CategoriesController } from './adapters/http/categories.controller';
import { ProductsController } from './adapters/http/products.controller';
import { ProductReadsFastRoutes } from './adapters/http/product-reads.fast-routes';
import { CategoryOrmEntity } from './adapters/persistence/category.orm-entity';
import { ProductOrmEntity } from './adapters/persistence/product.orm-entity';
import { TypeOrmCatalogReadModel } from './adapters/persistence/typeorm-catalog.read-model';
import { TypeOrmCategoryRepository } from './adapters/persistence/typeorm-category.repository';
import { TypeOrmProductStock } from './adapters/persistence/typeorm-product.stock';
import { TypeOrmProductRepository } from './adapters/persistence/typeorm-product.repository';
import { AdjustStockHandler } from './application/commands/adjust-stock/adjust-stock.handler';
import { CreateCategoryHandler } from './application/commands/create-category/create-category.handler';
import { CreateProductHandler } from './application/commands/create-product/create-product.handler';
import { HideProductHandler } from './application/commands/hide-product/hide-product.handler';
import { UpdateProductHandler } from './application/commands/update-product/update-product.handler';
import { CatalogCache } from './application/ports/catalog-cache.port';
import { CatalogReadModel } from './application/ports/catalog.read-model.port';
import { CategoryRepository } from './application/ports/category.repository.port';
import { ProductCatalog } from './application/ports/product-catalog.port';
import { ProductStock } from './application/ports/product-stock.port';
import { ProductRepository } from './application/ports/product.repository.port';
import { GetProductHandler } from './application/queries/get-product/get-product.handler';
import { ListCategoriesHandler } from './application/queries/list-categories/list-categories.handler';
import { ListProductsHandler } from './application/queries/list-products/list-products.handler';

/** Catalog: categories and products; reads from Redis in front of the replicas. Exports stock and product views to ordering and cart, rating totals to reviews. */
@Module({
  imports: [TypeOrmModule.forFeature([ProductOrmEntity, CategoryOrmEntity])],
  controllers: [ProductsController, CategoriesController],
  providers: [
    CreateCategoryHandler,
    CreateProductHandler,
    UpdateProductHandler,
    HideProductHandler,
    AdjustStockHandler,
    GetProductHandler,
    ListProductsHandler,
    ListCategoriesHandler,
    ProductReadsFastRoutes,
    TypeOrmCatalogReadModel,
    { provide: CatalogReadModel, useClass: CachedCatalogReadModel },
    { provide: CatalogCache, useClass: RedisCatalogCache },
    { provide: ProductRepository, useClass: TypeOrmProductRepository },
    { provide: CategoryRepository, useClass: TypeOrmCategoryRepository },
    { provide: ProductStock, useClass: TypeOrmProductStock },
    { provide: ProductCatalog, useClass: ReadModelProductCatalog },
    { provide: ProductRatings, useClass: TypeOrmProductRatings },
  ],
  exports: [ProductStock, ProductCatalog, ProductRatings],
})
export class CatalogModule {}
