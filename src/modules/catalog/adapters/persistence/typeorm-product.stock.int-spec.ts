import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CatalogCache } from '../../application/ports/catalog-cache.port';
import { Category } from '../../domain/category.aggregate';
import { InsufficientStockError } from '../../domain/insufficient-stock.error';
import { Product } from '../../domain/product.aggregate';
import { ProductUnavailableError } from '../../domain/product-unavailable.error';
import { CategoryOrmEntity } from './category.orm-entity';
import { ProductOrmEntity } from './product.orm-entity';
import { TypeOrmCategoryRepository } from './typeorm-category.repository';
import { TypeOrmProductRepository } from './typeorm-product.repository';
import { TypeOrmProductStock } from './typeorm-product.stock';

/** Records evictions instead of talking to Redis. */
class RecordingCatalogCache extends CatalogCache {
  readonly stock: string[][] = [];
  async productsChanged(): Promise<void> {}
  async stockChanged(productIds: readonly string[]): Promise<void> {
    this.stock.push([...productIds]);
  }
  async categoriesChanged(): Promise<void> {}
}

describe(TypeOrmProductStock.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let ids: IdGenerator;
  let products: TypeOrmProductRepository;
  let cache: RecordingCatalogCache;
  let sut: TypeOrmProductStock;
  let categoryId: string;
  const at = new Date('2025-03-01T08:00:00.123Z');

  beforeAll(async () => {
    context = await createPlatformContext([
      TypeOrmModule.forFeature([ProductOrmEntity, CategoryOrmEntity]),
    ]);
    dataSource = context.get<DataSource>(getDataSourceToken());
    unitOfWork = context.get(UnitOfWork);
    ids = context.get(IdGenerator);
    const transaction = context.get(TransactionContext);
    products = new TypeOrmProductRepository(transaction, ids);
    cache = new RecordingCatalogCache();
    sut = new TypeOrmProductStock(transaction, unitOfWork, cache);
    const category = Category.create({
      id: ids.next(),
      name: `it-take-${randomUUID().slice(0, 8)}`,
      now: at,
    });
    await unitOfWork.run(() => new TypeOrmCategoryRepository(transaction).add(category));
    categoryId = category.id;
  });

  afterAll(async () => {
    await context.close();
  });

  /** New products with these stocks, ids in ascending order. */
  async function stocked(...stocks: number[]): Promise<string[]> {
    const created: string[] = [];
    for (const stock of stocks) {
      const product = Product.create({
        id: ids.next(),
        name: `Take probe ${randomUUID().slice(0, 8)}`,
        description: '',
        price: 1000,
        stock,
        categoryId,
        now: at,
      });
      await unitOfWork.run(() => products.add(product));
      created.push(product.id);
    }
    return created.sort();
  }

  async function hide(id: string): Promise<void> {
    await dataSource.query("UPDATE products SET status = 'HIDDEN' WHERE id = ?", [id]);
  }

  async function stockOf(ids: readonly string[]): Promise<number[]> {
    const rows = (await dataSource.query(
      `SELECT id, stock FROM products WHERE id IN (${ids.map(() => '?').join(', ')})`,
      [...ids],
    )) as Array<{ id: string; stock: number }>;
    const byId = new Map(rows.map((row) => [row.id, Number(row.stock)]));
    return ids.map((id) => byId.get(id)!);
  }

  const take = (lines: Array<[string, number]>) =>
    unitOfWork.run(() => sut.take(lines.map(([productId, quantity]) => ({ productId, quantity }))));

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );

  it('takes every line of an order, in one go, and evicts their stock after commit', async () => {
    const [a, b, c] = await stocked(5, 5, 5);
    await take([
      [c!, 3],
      [a!, 1],
      [b!, 5],
    ]);
    expect(await stockOf([a!, b!, c!])).toEqual([4, 0, 2]);
    expect(cache.stock.at(-1)?.sort()).toEqual([a, b, c].sort());
  });

  it('names the line short of stock and takes nothing', async () => {
    const [a, b, c] = await stocked(5, 1, 5);
    const error = await failure(
      take([
        [a!, 1],
        [b!, 2],
        [c!, 1],
      ]),
    );
    expect(error).toBeInstanceOf(InsufficientStockError);
    expect((error as InsufficientStockError).message).toContain(b);
    expect(await stockOf([a!, b!, c!])).toEqual([5, 1, 5]);
  });

  it('names the first failing line in id order: short before hidden', async () => {
    const [a, b] = await stocked(1, 5);
    await hide(b!);
    const error = await failure(
      take([
        [b!, 1],
        [a!, 2],
      ]),
    );
    expect(error).toBeInstanceOf(InsufficientStockError);
    expect((error as Error).message).toContain(a);
    expect(await stockOf([a!, b!])).toEqual([1, 5]);
  });

  it('names the first failing line in id order: hidden before short', async () => {
    const [a, b] = await stocked(5, 1);
    await hide(a!);
    const error = await failure(
      take([
        [a!, 1],
        [b!, 2],
      ]),
    );
    expect(error).toBeInstanceOf(ProductUnavailableError);
    expect((error as Error).message).toContain(a);
  });

  it('says unavailable for a hidden or unknown product while the other lines had stock', async () => {
    const [a, b] = await stocked(5, 5);
    await hide(b!);
    const hidden = await failure(
      take([
        [a!, 5],
        [b!, 1],
      ]),
    );
    const unknown = ids.next();
    const missing = await failure(
      take([
        [a!, 1],
        [unknown, 1],
      ]),
    );
    expect(hidden).toBeInstanceOf(ProductUnavailableError);
    expect((hidden as Error).message).toContain(b);
    expect(missing).toBeInstanceOf(ProductUnavailableError);
    expect((missing as Error).message).toContain(unknown);
    expect(await stockOf([a!, b!])).toEqual([5, 5]);
  });

  it('keeps the single-line answers', async () => {
    const [a, b] = await stocked(1, 5);
    await hide(b!);
    expect(await failure(take([[a!, 2]]))).toBeInstanceOf(InsufficientStockError);
    expect(await failure(take([[b!, 1]]))).toBeInstanceOf(ProductUnavailableError);
    await take([[a!, 1]]);
    expect(await stockOf([a!])).toEqual([0]);
  });

  it('never sells more than the stock when orders race for the same products', async () => {
    const [a, b] = await stocked(10, 10);
    const results = await Promise.allSettled(
      Array.from({ length: 15 }, () =>
        take([
          [a!, 1],
          [b!, 1],
        ]),
      ),
    );
    const sold = results.filter((result) => result.status === 'fulfilled').length;
    expect(sold).toBe(10);
    expect(
      results.every(
        (result) =>
          result.status === 'fulfilled' || result.reason instanceof InsufficientStockError,
      ),
    ).toBe(true);
    expect(await stockOf([a!, b!])).toEqual([0, 0]);
  });
});
