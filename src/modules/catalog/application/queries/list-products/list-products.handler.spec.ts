import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryCatalogReadModel } from '../../testing/in-memory-catalog.read-model.fake';
import { ProductView } from '../get-product/product.view';
import { ListProductsHandler } from './list-products.handler';
import { ListProductsQuery } from './list-products.query';
import { PRODUCT_SORTS, ProductSort } from './product-list-criteria';

/** UUID-shaped ids that sort by n, like UUIDv7 ids sort by creation. */
const uuid = (n: number): string => `0193a7e2-0000-7000-8000-${String(n).padStart(12, '0')}`;

const view = (
  n: number,
  price: number,
  overrides: Partial<Pick<ProductView, 'status' | 'categoryId' | 'name'>> = {},
): ProductView => ({
  id: uuid(n),
  name: `Product ${n}`,
  description: '',
  price,
  stock: 1,
  categoryId: 'category-1',
  status: 'ACTIVE',
  createdAt: '2025-03-01T08:00:00.000Z',
  updatedAt: '2025-03-01T08:00:00.000Z',
  ...overrides,
});

type Filter = ListProductsQuery['filter'];

describe(ListProductsHandler.name, () => {
  let catalog: InMemoryCatalogReadModel;
  let sut: ListProductsHandler;

  beforeEach(() => {
    catalog = new InMemoryCatalogReadModel();
    sut = new ListProductsHandler(catalog);
  });

  const list = (filter: Partial<Filter> = {}) =>
    sut.execute(new ListProductsQuery({ limit: 20, sort: 'newest', ...filter }));

  /** Follows nextCursor to the end and returns the ids in the order served. */
  async function walk(filter: Partial<Filter>): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ ...filter, cursor });
      pages += 1;
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages < 100);
    return { ids, pages };
  }

  it('rejects minPrice above maxPrice with ValidationError on minPrice, without reading', async () => {
    const error = await list({ minPrice: 5000, maxPrice: 4999 }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['minPrice']);
    expect(catalog.productsCalls).toEqual([]);
  });

  it('accepts minPrice equal to maxPrice', async () => {
    catalog.putProduct(view(1, 4999), view(2, 5000), view(3, 5001));

    const page = await list({ minPrice: 5000, maxPrice: 5000 });

    expect(page.items.map((item) => item.id)).toEqual([uuid(2)]);
  });

  it('passes the filters on, with q trimmed', async () => {
    await list({
      sort: 'price_desc',
      limit: 5,
      categoryId: 'category-7',
      q: '  beans ',
      minPrice: 100,
      maxPrice: 900,
    });

    expect(catalog.productsCalls).toEqual([
      {
        limit: 5,
        sort: 'price_desc',
        after: undefined,
        categoryId: 'category-7',
        q: 'beans',
        minPrice: 100,
        maxPrice: 900,
      },
    ]);
  });

  it.each(['', '   ', '\t\n'])('ignores a blank q %p', async (q) => {
    await list({ q });

    expect(catalog.productsCalls[0]?.q).toBeUndefined();
  });

  it('gives no nextCursor when the page holds everything that is left', async () => {
    catalog.putProduct(view(1, 100), view(2, 200), view(3, 300));

    const page = await list({ limit: 3 });

    expect(page.items).toHaveLength(3);
    expect(page.nextCursor).toBeNull();
  });

  it('gives a nextCursor when another page follows', async () => {
    catalog.putProduct(view(1, 100), view(2, 200), view(3, 300));

    const page = await list({ limit: 2 });

    expect(page.items.map((item) => item.id)).toEqual([uuid(3), uuid(2)]);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('gives an empty page and no cursor when nothing matches', async () => {
    expect(await list({ q: 'nothing' })).toEqual({ items: [], nextCursor: null });
  });

  describe.each<ProductSort>(PRODUCT_SORTS)('following cursors with sort %s', (sort) => {
    const active = Array.from({ length: 23 }, (_, i) => ({
      n: i + 1,
      price: ((i + 1) % 4) * 1000,
    }));
    /** The expected order, worked out here rather than by the fake. */
    const ordered = (rows: typeof active): string[] =>
      [...rows]
        .sort((a, b) =>
          sort === 'newest'
            ? b.n - a.n
            : sort === 'price_asc'
              ? a.price - b.price || a.n - b.n
              : b.price - a.price || b.n - a.n,
        )
        .map((row) => uuid(row.n));

    beforeEach(() => {
      // Repeated prices make the id tie-breaker matter; hidden ones must never show up.
      for (const row of active) catalog.putProduct(view(row.n, row.price));
      catalog.putProduct(view(24, 1000, { status: 'HIDDEN' }), view(25, 0, { status: 'HIDDEN' }));
    });

    it('serves every ACTIVE product exactly once, in the order of the sort', async () => {
      const { ids, pages } = await walk({ sort, limit: 5 });

      expect(pages).toBe(5);
      expect(ids).toEqual(ordered(active));
    });

    it('keeps filters across pages', async () => {
      const { ids } = await walk({ sort, limit: 2, minPrice: 1000, maxPrice: 2000 });

      const expected = ordered(active.filter((row) => row.price >= 1000 && row.price <= 2000));
      expect(expected.length).toBeGreaterThan(2);
      expect(ids).toEqual(expected);
    });

    it('rejects its cursor under another sort', async () => {
      const { nextCursor } = await list({ sort, limit: 5 });
      const other = PRODUCT_SORTS.find((s) => s !== sort)!;

      await expect(list({ sort: other, cursor: nextCursor! })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });

  it('does not skip or repeat products added while paging (newest first)', async () => {
    for (let n = 1; n <= 6; n += 1) catalog.putProduct(view(n, 100));
    const first = await list({ limit: 3 });
    catalog.putProduct(view(7, 100));

    const second = await list({ limit: 3, cursor: first.nextCursor! });

    expect(first.items.map((i) => i.id)).toEqual([uuid(6), uuid(5), uuid(4)]);
    expect(second.items.map((i) => i.id)).toEqual([uuid(3), uuid(2), uuid(1)]);
    expect(second.nextCursor).toBeNull();
  });
});
