import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { waitUntil } from '../../../../../test/support/fixtures';
import { CacheService } from '../../../../platform/cache/cache.service';
import { RedisService } from '../../../../platform/redis/redis.service';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { MetricsService } from '../../../../platform/observability/metrics.service';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { ProductListCriteria } from '../../application/queries/list-products/product-list-criteria';
import { Category } from '../../domain/category.aggregate';
import { Product } from '../../domain/product.aggregate';
import { CategoryOrmEntity } from '../persistence/category.orm-entity';
import { ProductOrmEntity } from '../persistence/product.orm-entity';
import { TypeOrmCatalogReadModel } from '../persistence/typeorm-catalog.read-model';
import { TypeOrmCategoryRepository } from '../persistence/typeorm-category.repository';
import { TypeOrmProductRepository } from '../persistence/typeorm-product.repository';
import { CatalogCacheKeys } from './catalog-cache-keys';
import { CachedCatalogReadModel } from './cached-catalog.read-model';
import { RedisCatalogCache } from './redis-catalog.cache';

/**
 * The Redis cache in front of the SQL read model, with the evictions the
 * command handlers make after commit. Database work is counted with the
 * db_reads_total metric, which ReadDatabase moves on every query it runs.
 */
describe(CachedCatalogReadModel.name, () => {
  let context: TestingModule;
  let unitOfWork: UnitOfWork;
  let ids: IdGenerator;
  let products: TypeOrmProductRepository;
  let cache: CacheService;
  let metrics: MetricsService;
  let evictions: RedisCatalogCache;
  let sut: CachedCatalogReadModel;
  let categoryId: string;
  const now = new Date();

  beforeAll(async () => {
    context = await createPlatformContext([
      TypeOrmModule.forFeature([ProductOrmEntity, CategoryOrmEntity]),
    ]);
    unitOfWork = context.get(UnitOfWork);
    ids = context.get(IdGenerator);
    cache = context.get(CacheService);
    metrics = context.get(MetricsService);
    const transaction = context.get(TransactionContext);
    products = new TypeOrmProductRepository(transaction, ids);
    evictions = new RedisCatalogCache(cache);
    sut = new CachedCatalogReadModel(new TypeOrmCatalogReadModel(context.get(ReadDatabase)), cache);
    const redis = context.get(RedisService);
    expect(await waitUntil(async () => redis.isReady(), 5_000)).toBe(true);
    const category = Category.create({
      id: ids.next(),
      name: `it-cache-${randomUUID().slice(0, 8)}`,
      now,
    });
    await unitOfWork.run(() => new TypeOrmCategoryRepository(transaction).add(category));
    categoryId = category.id;
  });

  afterAll(async () => {
    await context.close();
  });

  const databaseReads = async (): Promise<number> =>
    (await metrics.dbReads.get()).values.reduce((sum, value) => sum + value.value, 0);

  /** Database reads made by `work`. */
  async function readsOf<T>(work: () => Promise<T>): Promise<{ result: T; reads: number }> {
    const before = await databaseReads();
    const result = await work();
    return { result, reads: (await databaseReads()) - before };
  }

  function product(name: string, price = 1000): Product {
    return Product.create({
      id: ids.next(),
      name,
      description: 'cache probe',
      price,
      stock: 5,
      categoryId,
      now,
    });
  }

  /** Writes without telling the cache (so a stale answer shows the cache served it). */
  const addSilently = (p: Product): Promise<void> => unitOfWork.run(() => products.add(p));

  /** Writes like a command handler: evictions after the commit. */
  async function add(p: Product): Promise<void> {
    await addSilently(p);
    await evictions.productsChanged([p.id]);
  }

  it('serves a product from Redis the second time, without querying a database', async () => {
    const p = product(`Cached ${randomUUID().slice(0, 8)}`);
    await add(p);

    const first = await readsOf(() => sut.product(p.id));
    const second = await readsOf(() => sut.product(p.id));

    expect(first.result?.name).toBe(p.name);
    expect(first.reads).toBe(1);
    expect(second.result).toEqual(first.result);
    expect(second.reads).toBe(0);
  });

  it('returns fresh data after productsChanged, and the cached copy until then', async () => {
    const p = product(`Before ${randomUUID().slice(0, 8)}`);
    await add(p);
    expect((await sut.product(p.id))?.stock).toBe(5);
    await unitOfWork.run(() => products.adjustStock(p.id, 7, 'delivery', new Date()));

    const stale = await readsOf(() => sut.product(p.id));
    await evictions.productsChanged([p.id]);
    const fresh = await readsOf(() => sut.product(p.id));

    expect(stale.result?.stock).toBe(5);
    expect(stale.reads).toBe(0);
    expect(fresh.result?.stock).toBe(12);
    expect(fresh.reads).toBe(1);
  });

  it('caches an unknown id as absent, and productsChanged makes it appear', async () => {
    const p = product(`Late ${randomUUID().slice(0, 8)}`);
    expect(await sut.product(p.id)).toBeNull();
    await addSilently(p);

    const stillAbsent = await readsOf(() => sut.product(p.id));
    await evictions.productsChanged([p.id]);

    expect(stillAbsent.result).toBeNull();
    expect(stillAbsent.reads).toBe(0);
    expect((await sut.product(p.id))?.id).toBe(p.id);
  });

  it('moves the list version on a product write, so lists are read again and show it', async () => {
    const criteria: ProductListCriteria = { sort: 'price_asc', limit: 10, categoryId };
    const cheap = product(`List A ${randomUUID().slice(0, 8)}`, 100);
    await add(cheap);
    const versionBefore = await cache.version(CatalogCacheKeys.productsGroup);

    const first = await readsOf(() => sut.products(criteria));
    const second = await readsOf(() => sut.products(criteria));
    const cheaper = product(`List B ${randomUUID().slice(0, 8)}`, 50);
    await addSilently(cheaper);
    const stale = await readsOf(() => sut.products(criteria));
    await evictions.productsChanged([cheaper.id]);
    const versionAfter = await cache.version(CatalogCacheKeys.productsGroup);
    const fresh = await readsOf(() => sut.products(criteria));

    expect(versionBefore).toBeGreaterThan(0);
    expect(first.reads).toBe(1);
    expect(second.reads).toBe(0);
    expect(second.result).toEqual(first.result);
    expect(stale.reads).toBe(0);
    expect(stale.result.items.map((i) => i.id)).not.toContain(cheaper.id);
    expect(versionAfter).toBeGreaterThan(versionBefore);
    expect(fresh.reads).toBe(1);
    expect(fresh.result.items[0]?.id).toBe(cheaper.id);
    expect(fresh.result.items.map((i) => i.id)).toContain(cheap.id);
  });
});
