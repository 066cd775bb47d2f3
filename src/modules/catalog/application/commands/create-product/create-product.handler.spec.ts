import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../../shared/kernel/testing/sequential-id-generator.fake';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { Category } from '../../../domain/category.aggregate';
import { InMemoryCategoryRepository } from '../../testing/in-memory-category.repository.fake';
import { InMemoryProductRepository } from '../../testing/in-memory-product.repository.fake';
import { RecordingCatalogCache } from '../../testing/recording-catalog.cache.fake';
import { CreateProductCommand, NewProduct } from './create-product.command';
import { CreateProductHandler } from './create-product.handler';

const NEW_PRODUCT: NewProduct = {
  name: '  Espresso Beans ',
  description: 'Dark roast',
  price: 24_000,
  stock: 7,
  categoryId: 'category-coffee',
};

describe(CreateProductHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let products: InMemoryProductRepository;
  let categories: InMemoryCategoryRepository;
  let cache: RecordingCatalogCache;
  let clock: FixedClock;
  let sut: CreateProductHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    products = new InMemoryProductRepository(unitOfWork);
    categories = new InMemoryCategoryRepository(unitOfWork);
    cache = new RecordingCatalogCache(unitOfWork);
    clock = new FixedClock(new Date('2025-03-01T08:00:00.000Z'));
    categories.seed(Category.create({ id: 'category-coffee', name: 'Coffee', now: clock.now() }));
    sut = new CreateProductHandler(
      products,
      categories,
      cache,
      unitOfWork,
      new SequentialIdGenerator('product'),
      clock,
    );
  });

  it('stores an ACTIVE product and returns its view', async () => {
    const result = await sut.execute(new CreateProductCommand(NEW_PRODUCT));

    const now = clock.now().toISOString();
    expect(result).toEqual({
      id: 'product-1',
      name: 'Espresso Beans',
      description: 'Dark roast',
      price: 24_000,
      stock: 7,
      categoryId: 'category-coffee',
      status: 'ACTIVE',
      createdAt: now,
      updatedAt: now,
    });
    expect(products.stored('product-1')?.name).toBe('Espresso Beans');
    expect(unitOfWork.committed).toEqual([1]);
  });

  it('keeps a requested HIDDEN status', async () => {
    const result = await sut.execute(
      new CreateProductCommand({ ...NEW_PRODUCT, status: 'HIDDEN' }),
    );

    expect(result.status).toBe('HIDDEN');
    expect(products.stored('product-1')?.status).toBe('HIDDEN');
  });

  it('evicts the new product and the lists only after the commit', async () => {
    await sut.execute(new CreateProductCommand(NEW_PRODUCT));

    expect(cache.calls).toEqual([
      {
        method: 'productsChanged',
        productIds: ['product-1'],
        duringTransaction: undefined,
        committedBefore: [1],
      },
    ]);
  });

  it('rejects an unknown category with ValidationError on categoryId, storing and evicting nothing', async () => {
    const error = await sut
      .execute(new CreateProductCommand({ ...NEW_PRODUCT, categoryId: 'category-missing' }))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['categoryId']);
    expect(categories.existsCalls).toEqual(['category-missing']);
    expect(products.all()).toEqual([]);
    expect(unitOfWork.rolledBack).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });

  it('rejects invalid fields before touching the repositories', async () => {
    await expect(
      sut.execute(new CreateProductCommand({ ...NEW_PRODUCT, price: -1 })),
    ).rejects.toBeInstanceOf(ValidationError);

    expect(categories.existsCalls).toEqual([]);
    expect(products.all()).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
    expect(cache.calls).toEqual([]);
  });

  it('joins an enclosing transaction: when that one rolls back, nothing is stored or evicted', async () => {
    await expect(
      unitOfWork.run(async () => {
        await sut.execute(new CreateProductCommand(NEW_PRODUCT));
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');

    expect(products.all()).toEqual([]);
    expect(unitOfWork.committed).toEqual([]);
    expect(cache.calls).toEqual([]);
  });
});
