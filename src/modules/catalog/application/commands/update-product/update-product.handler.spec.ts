import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Category } from '../../../domain/category.aggregate';
import { Product } from '../../../domain/product.aggregate';
import { InMemoryCategoryRepository } from '../../testing/in-memory-category.repository.fake';
import { InMemoryProductRepository } from '../../testing/in-memory-product.repository.fake';
import { RecordingCatalogCache } from '../../testing/recording-catalog.cache.fake';
import { UpdateProductCommand } from './update-product.command';
import { UpdateProductHandler } from './update-product.handler';

const CREATED = new Date('2025-03-01T08:00:00.000Z');

describe(UpdateProductHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let products: InMemoryProductRepository;
  let categories: InMemoryCategoryRepository;
  let cache: RecordingCatalogCache;
  let clock: FixedClock;
  let sut: UpdateProductHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    products = new InMemoryProductRepository(unitOfWork);
    categories = new InMemoryCategoryRepository(unitOfWork);
    cache = new RecordingCatalogCache(unitOfWork);
    clock = new FixedClock(CREATED);
    categories.seed(Category.create({ id: 'category-coffee', name: 'Coffee', now: CREATED }));
    categories.seed(Category.create({ id: 'category-tea', name: 'Tea', now: CREATED }));
    products.seed(
      Product.create({
        id: 'product-1',
        name: 'Espresso Beans',
        description: 'Dark roast',
        price: 24_000,
        stock: 7,
        categoryId: 'category-coffee',
        now: CREATED,
      }),
    );
    clock.advance(60_000);
    sut = new UpdateProductHandler(products, categories, cache, unitOfWork, clock);
  });

  it('saves the changes, returns the new view and evicts after the commit', async () => {
    const result = await sut.execute(
      new UpdateProductCommand('product-1', { name: ' Decaf Beans ', price: 19_000 }),
    );

    expect(result).toMatchObject({
      id: 'product-1',
      name: 'Decaf Beans',
      price: 19_000,
      stock: 7,
      createdAt: CREATED.toISOString(),
      updatedAt: clock.now().toISOString(),
    });
    const stored = products.stored('product-1');
    expect(stored?.name).toBe('Decaf Beans');
    expect(stored?.price).toBe(19_000);
    expect(stored?.updatedAt).toEqual(clock.now());
    expect(cache.calls).toEqual([
      {
        method: 'productsChanged',
        productIds: ['product-1'],
        duringTransaction: undefined,
        committedBefore: [1],
      },
    ]);
  });

  it('fails with NotFoundError for an unknown product', async () => {
    await expect(
      sut.execute(new UpdateProductCommand('product-404', { price: 1 })),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(unitOfWork.rolledBack).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });

  it('does not look the category up when it is not changed', async () => {
    await sut.execute(new UpdateProductCommand('product-1', { price: 1 }));
    await sut.execute(new UpdateProductCommand('product-1', { categoryId: 'category-coffee' }));

    expect(categories.existsCalls).toEqual([]);
  });

  it('moves the product to another existing category', async () => {
    const result = await sut.execute(
      new UpdateProductCommand('product-1', { categoryId: 'category-tea' }),
    );

    expect(categories.existsCalls).toEqual(['category-tea']);
    expect(result.categoryId).toBe('category-tea');
    expect(products.stored('product-1')?.categoryId).toBe('category-tea');
  });

  it('rejects an unknown new category with ValidationError on categoryId and changes nothing', async () => {
    const error = await sut
      .execute(new UpdateProductCommand('product-1', { categoryId: 'category-missing', price: 1 }))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['categoryId']);
    const stored = products.stored('product-1');
    expect(stored?.categoryId).toBe('category-coffee');
    expect(stored?.price).toBe(24_000);
    expect(products.saveCalls).toEqual([]);
    expect(cache.calls).toEqual([]);
  });

  it('neither saves nor evicts when nothing changed', async () => {
    const result = await sut.execute(
      new UpdateProductCommand('product-1', { name: 'Espresso Beans ', price: 24_000 }),
    );

    expect(result.updatedAt).toBe(CREATED.toISOString());
    expect(products.saveCalls).toEqual([]);
    expect(products.stored('product-1')?.updatedAt).toEqual(CREATED);
    expect(unitOfWork.committed).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });

  it('rejects invalid values with ValidationError and keeps the stored product', async () => {
    await expect(
      sut.execute(new UpdateProductCommand('product-1', { stock: -1 })),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(products.stored('product-1')?.stock).toBe(7);
    expect(cache.calls).toEqual([]);
  });
});
