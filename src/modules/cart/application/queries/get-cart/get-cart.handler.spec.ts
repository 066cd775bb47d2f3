import { ImmediateUnitOfWork } from '../../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { FakeProductCatalog } from '../../testing/fake-product-catalog.fake';
import { InMemoryCartReadModel } from '../../testing/in-memory-cart.read-model.fake';
import { InMemoryCartRepository } from '../../testing/in-memory-cart.repository.fake';
import { GetCartHandler } from './get-cart.handler';
import { GetCartQuery } from './get-cart.query';

describe(GetCartHandler.name, () => {
  let carts: InMemoryCartRepository;
  let catalog: FakeProductCatalog;
  let sut: GetCartHandler;

  beforeEach(() => {
    carts = new InMemoryCartRepository(new ImmediateUnitOfWork());
    catalog = new FakeProductCatalog();
    sut = new GetCartHandler(new InMemoryCartReadModel(carts), catalog);
  });

  const at = (ms: number): Date => new Date(Date.UTC(2025, 0, 1) + ms);

  it('returns an empty cart with total 0 without asking the catalog', async () => {
    await expect(sut.execute(new GetCartQuery('user-1'))).resolves.toEqual({
      items: [],
      total: 0,
    });
    expect(catalog.requests).toEqual([]);
  });

  it('prices each line at the current price, in the order the products were added', async () => {
    catalog.put('p-b', { name: 'Beans', price: 24_000, stock: 10 });
    catalog.put('p-a', { name: 'Apron', price: 15_000, stock: 10 });
    carts.seed('user-1', [{ productId: 'p-b', quantity: 2 }], at(0));
    carts.seed('user-1', [{ productId: 'p-a', quantity: 1 }], at(1_000));
    carts.seed('user-2', [{ productId: 'p-a', quantity: 7 }], at(0));

    const view = await sut.execute(new GetCartQuery('user-1'));

    expect(view).toEqual({
      items: [
        {
          productId: 'p-b',
          name: 'Beans',
          unitPrice: 24_000,
          quantity: 2,
          lineTotal: 48_000,
          available: true,
        },
        {
          productId: 'p-a',
          name: 'Apron',
          unitPrice: 15_000,
          quantity: 1,
          lineTotal: 15_000,
          available: true,
        },
      ],
      total: 63_000,
    });
  });

  it('follows a price change: the cart keeps no price of its own', async () => {
    catalog.put('p-a', { price: 1_000 });
    carts.seed('user-1', [{ productId: 'p-a', quantity: 3 }]);
    const before = await sut.execute(new GetCartQuery('user-1'));

    catalog.change('p-a', { price: 1_500 });
    const after = await sut.execute(new GetCartQuery('user-1'));

    expect(before.total).toBe(3_000);
    expect(after.items[0]).toMatchObject({ unitPrice: 1_500, lineTotal: 4_500, available: true });
    expect(after.total).toBe(4_500);
  });

  it('marks a line whose stock is below its quantity unavailable and leaves it out of the total', async () => {
    catalog.put('p-a', { price: 1_000, stock: 2 });
    catalog.put('p-b', { price: 500, stock: 3 });
    carts.seed('user-1', [{ productId: 'p-a', quantity: 3 }], at(0));
    carts.seed('user-1', [{ productId: 'p-b', quantity: 3 }], at(1));

    const view = await sut.execute(new GetCartQuery('user-1'));

    expect(view.items.map((item) => [item.productId, item.available, item.lineTotal])).toEqual([
      ['p-a', false, 3_000],
      ['p-b', true, 1_500],
    ]);
    expect(view.total).toBe(1_500);
  });

  it('marks a HIDDEN product unavailable even with enough stock', async () => {
    catalog.put('p-a', { price: 1_000, stock: 100, status: 'HIDDEN' });
    carts.seed('user-1', [{ productId: 'p-a', quantity: 1 }]);

    const view = await sut.execute(new GetCartQuery('user-1'));

    expect(view.items[0]).toMatchObject({ available: false, lineTotal: 1_000 });
    expect(view.total).toBe(0);
  });

  it('keeps a line whose product the catalog does not know, as unavailable', async () => {
    catalog.put('p-a', { price: 1_000 });
    carts.seed('user-1', [{ productId: 'p-gone', quantity: 2 }], at(0));
    carts.seed('user-1', [{ productId: 'p-a', quantity: 1 }], at(1));

    const view = await sut.execute(new GetCartQuery('user-1'));

    expect(view.items[0]).toEqual({
      productId: 'p-gone',
      name: '',
      unitPrice: 0,
      quantity: 2,
      lineTotal: 0,
      available: false,
    });
    expect(view.total).toBe(1_000);
    expect(catalog.requests).toEqual([['p-gone', 'p-a']]);
  });
});
