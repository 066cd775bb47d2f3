import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InsufficientStockError } from '../../../domain/insufficient-stock.error';
import { Product } from '../../../domain/product.aggregate';
import { InMemoryProductRepository } from '../../testing/in-memory-product.repository.fake';
import { RecordingCatalogCache } from '../../testing/recording-catalog.cache.fake';
import { AdjustStockCommand } from './adjust-stock.command';
import { AdjustStockHandler } from './adjust-stock.handler';

const CREATED = new Date('2025-03-01T08:00:00.000Z');

describe(AdjustStockHandler.name, () => {
  let unitOfWork: ImmediateUnitOfWork;
  let products: InMemoryProductRepository;
  let cache: RecordingCatalogCache;
  let clock: FixedClock;
  let sut: AdjustStockHandler;

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
        stock: 5,
        categoryId: 'category-coffee',
        now: CREATED,
      }),
    );
    clock.advance(60_000);
    sut = new AdjustStockHandler(products, cache, unitOfWork, clock);
  });

  it('adds to the stock, returns the new stock and journals the adjustment in the transaction', async () => {
    const result = await sut.execute(new AdjustStockCommand('product-1', 3, '  delivery  '));

    expect(result).toEqual({ stock: 8 });
    expect(products.stored('product-1')?.stock).toBe(8);
    expect(products.adjustments()).toEqual([
      {
        productId: 'product-1',
        delta: 3,
        reason: 'delivery',
        stockAfter: 8,
        at: clock.now(),
        transaction: 1,
      },
    ]);
    expect(unitOfWork.committed).toEqual([1]);
  });

  it('removes stock down to exactly zero', async () => {
    expect(await sut.execute(new AdjustStockCommand('product-1', -5, 'sold out'))).toEqual({
      stock: 0,
    });
  });

  it('evicts the product and the lists after the commit', async () => {
    await sut.execute(new AdjustStockCommand('product-1', -2, 'breakage'));

    expect(cache.calls).toEqual([
      {
        method: 'productsChanged',
        productIds: ['product-1'],
        duringTransaction: undefined,
        committedBefore: [1],
      },
    ]);
  });

  it('fails with InsufficientStockError when stock would go below zero, changing and evicting nothing', async () => {
    await expect(
      sut.execute(new AdjustStockCommand('product-1', -6, 'too many')),
    ).rejects.toBeInstanceOf(InsufficientStockError);

    expect(products.stored('product-1')?.stock).toBe(5);
    expect(products.adjustments()).toEqual([]);
    expect(unitOfWork.rolledBack).toEqual([1]);
    expect(cache.calls).toEqual([]);
  });

  it('fails with NotFoundError for an unknown product', async () => {
    await expect(
      sut.execute(new AdjustStockCommand('product-404', 1, 'delivery')),
    ).rejects.toBeInstanceOf(NotFoundError);

    expect(products.adjustments()).toEqual([]);
    expect(cache.calls).toEqual([]);
  });

  it.each([0, 1.5, 1_000_001])(
    'rejects delta %p with ValidationError before opening a transaction',
    async (delta) => {
      await expect(
        sut.execute(new AdjustStockCommand('product-1', delta, 'typo')),
      ).rejects.toBeInstanceOf(ValidationError);

      expect(unitOfWork.committed).toEqual([]);
      expect(unitOfWork.rolledBack).toEqual([]);
      expect(products.stored('product-1')?.stock).toBe(5);
    },
  );

  it('joins an enclosing transaction: when that one rolls back, the adjustment is undone and nothing evicted', async () => {
    await expect(
      unitOfWork.run(async () => {
        await sut.execute(new AdjustStockCommand('product-1', -2, 'order'));
        throw new Error('payment failed');
      }),
    ).rejects.toThrow('payment failed');

    expect(products.stored('product-1')?.stock).toBe(5);
    expect(products.adjustments()).toEqual([]);
    expect(cache.calls).toEqual([]);
  });
});
