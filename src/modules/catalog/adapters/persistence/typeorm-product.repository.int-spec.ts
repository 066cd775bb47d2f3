import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { isCheckConstraintError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { Category } from '../../domain/category.aggregate';
import { CatalogLimits } from '../../domain/catalog-limits';
import { Product } from '../../domain/product.aggregate';
import { CategoryOrmEntity } from './category.orm-entity';
import { ProductOrmEntity } from './product.orm-entity';
import { TypeOrmCategoryRepository } from './typeorm-category.repository';
import { TypeOrmProductRepository } from './typeorm-product.repository';

describe(TypeOrmProductRepository.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let unitOfWork: UnitOfWork;
  let ids: IdGenerator;
  let sut: TypeOrmProductRepository;
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
    sut = new TypeOrmProductRepository(transaction, ids);
    const category = Category.create({
      id: ids.next(),
      name: `it-stock-${randomUUID().slice(0, 8)}`,
      now: at,
    });
    await unitOfWork.run(() => new TypeOrmCategoryRepository(transaction).add(category));
    categoryId = category.id;
  });

  afterAll(async () => {
    await context.close();
  });

  async function newProduct(stock: number): Promise<string> {
    const product = Product.create({
      id: ids.next(),
      name: `Stock probe ${randomUUID().slice(0, 8)}`,
      description: '',
      price: 1000,
      stock,
      categoryId,
      now: at,
    });
    await unitOfWork.run(() => sut.add(product));
    return product.id;
  }

  const stockOf = async (id: string): Promise<number> =>
    Number(
      (
        (await dataSource.query('SELECT stock FROM products WHERE id = ?', [id])) as Array<{
          stock: number;
        }>
      )[0]?.stock,
    );

  /** Journal rows of a product in the order written (ids are UUIDv7, time-ordered). */
  const journalOf = (id: string) =>
    dataSource.query(
      'SELECT delta, reason, stock_after AS stockAfter, created_at AS createdAt FROM product_stock_adjustments WHERE product_id = ? ORDER BY id',
      [id],
    ) as Promise<Array<{ delta: number; reason: string; stockAfter: number; createdAt: Date }>>;

  const adjust = (id: string, delta: number, reason = 'test') =>
    unitOfWork.run(() => sut.adjustStock(id, delta, reason, at));

  it('adds and removes stock down to exactly zero, then reports insufficient without going below', async () => {
    const id = await newProduct(2);

    expect(await adjust(id, 3)).toEqual({ outcome: 'adjusted', stock: 5 });
    expect(await adjust(id, -6)).toEqual({ outcome: 'insufficient' });
    expect(await stockOf(id)).toBe(5);
    expect(await adjust(id, -5)).toEqual({ outcome: 'adjusted', stock: 0 });
    expect(await adjust(id, -1)).toEqual({ outcome: 'insufficient' });
    expect(await stockOf(id)).toBe(0);
  });

  it('reports not-found for an unknown product and writes no journal row', async () => {
    const unknown = ids.next();

    expect(await adjust(unknown, 1)).toEqual({ outcome: 'not-found' });
    expect(await journalOf(unknown)).toEqual([]);
  });

  it('journals each applied adjustment with its reason, the stock after it and its time, and nothing for refused ones', async () => {
    const id = await newProduct(4);

    await adjust(id, 6, 'delivery 42');
    await adjust(id, -11, 'refused');
    await adjust(id, -3, 'breakage');

    const journal = await journalOf(id);
    expect(journal.map(({ delta, reason, stockAfter }) => ({ delta, reason, stockAfter }))).toEqual(
      [
        { delta: 6, reason: 'delivery 42', stockAfter: 10 },
        { delta: -3, reason: 'breakage', stockAfter: 7 },
      ],
    );
    expect(new Date(journal[0]!.createdAt).getTime()).toBe(at.getTime());
  });

  it('undoes the adjustment and its journal row when the unit of work rolls back', async () => {
    const id = await newProduct(4);

    await expect(
      unitOfWork.run(async () => {
        expect(await sut.adjustStock(id, -4, 'order', at)).toEqual({
          outcome: 'adjusted',
          stock: 0,
        });
        throw new Error('payment failed');
      }),
    ).rejects.toThrow('payment failed');

    expect(await stockOf(id)).toBe(4);
    expect(await journalOf(id)).toEqual([]);
  });

  it('turns the stock maximum of the CHECK constraint into a ValidationError on delta', async () => {
    const id = await newProduct(CatalogLimits.maxStock - 1);

    const error = await adjust(id, 2).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['delta']);
    expect(await stockOf(id)).toBe(CatalogLimits.maxStock - 1);
  });

  it('has ck_products_stock reject a direct negative stock, whatever the code does', async () => {
    const id = await newProduct(1);

    const error = await dataSource
      .query('UPDATE products SET stock = -1 WHERE id = ?', [id])
      .catch((e: unknown) => e);

    expect(isCheckConstraintError(error)).toBe(true);
    expect((error as Error).message).toMatch(/ck_products_stock/);
    expect(await stockOf(id)).toBe(1);
  });
});
