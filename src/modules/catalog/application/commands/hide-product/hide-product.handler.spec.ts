import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { Product } from '../../../domain/product.aggregate';
import { InMemoryProductRepository } from '../../testing/in-memory-product.repository.fake';
import { RecordingCatalogCache } from '../../testing/recording-catalog.cache.fake';
import { HideProductCommand } from './hide-product.command';
import { HideProductHandler } from './hide-product.handler';

const CREATED = new Date('2025-03-01T08:00:00.000Z');

describe(HideProductHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let products: InMemoryProductRepository;
  let cache: RecordingCatalogCache;
  let clock: FixedClock;
  let sut: HideProductHandler;

  beforeEach(() => {
    unitOfWork = new ImmediateUnitOfWork();
    products = new InMemoryProductRepository(unitOfWork);
    cache = new RecordingCatalogCache(unitOfWork);
    clock = new FixedClock(CREATED);
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
    sut = new HideProductHandler(products, cache, unitOfWork, clock);
  });

  it('stores the product as HIDDEN, keeping its other data', async () => {
    await sut.execute(new HideProductCommand('product-1'));

    const stored = products.stored('product-1');
    expect(stored?.status).toBe('HIDDEN');
    expect(stored?.updatedAt).toEqual(clock.now());
    expect(stored?.stock).toBe(7);
    expect(stored?.name).toBe('Espresso Beans');
  });

  it('evicts the product and the lists after the commit', async () => {
    await sut.execute(new HideProductCommand('product-1'));

    expect(cache.calls).toEqual([
      {
        method: 'productsChanged',
        productIds: ['product-1'],
        duringTransaction: undefined,
        committedBefore: [1],
      },
    ]);
  });

  it('succeeds again on a hidden product without moving updatedAt', async () => {
    await sut.execute(new HideProductCommand('product-1'));
    const hiddenAt = clock.now();
    clock.advance(60_000);

    await sut.execute(new HideProductCommand('product-1'));

    expect(products.stored('product-1')?.status).toBe('HIDDEN');
    expect(products.stored('product-1')?.updatedAt).toEqual(hiddenAt);
  });

  it('fails with NotFoundError for an unknown product and evicts nothing', async () => {
    await expect(sut.execute(new HideProductCommand('product-404'))).rejects.toBeInstanceOf(
      NotFoundError,
    );

    expect(unitOfWork.rolledBack).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });
});
