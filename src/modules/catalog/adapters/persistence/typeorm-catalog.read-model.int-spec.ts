import { TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createPlatformContext } from '../../../../../test/support/platform-context';
import { ReadDatabase } from '../../../../platform/database/read-database';
import {
  PRODUCT_SORTS,
  ProductListCriteria,
  ProductSort,
} from '../../application/queries/list-products/product-list-criteria';
import { CategoryOrmEntity } from './category.orm-entity';
import { ProductOrmEntity } from './product.orm-entity';
import { TypeOrmCatalogReadModel } from './typeorm-catalog.read-model';

interface ExplainRow {
  id: number;
  table: string | null;
  type: string | null;
  key: string | null;
  rows: string | number | null;
  Extra: string | null;
}

const PAGE = 20;
const HANDLER_READS = [
  'Handler_read_first',
  'Handler_read_key',
  'Handler_read_last',
  'Handler_read_next',
  'Handler_read_prev',
  'Handler_read_rnd',
  'Handler_read_rnd_next',
] as const;
type HandlerReads = Record<(typeof HANDLER_READS)[number], number>;

/**
 * The list statements against the seeded 100k products on the primary: every
 * variant reads an index in page order (no full scan, no filesort) and a
 * first page stops after about limit + 1 index entries.
 */
describe(TypeOrmCatalogReadModel.name, () => {
  let context: TestingModule;
  let dataSource: DataSource;
  let sut: TypeOrmCatalogReadModel;
  let categoryId: string;
  /** The position after a first page per sort (a realistic cursor). */
  const cursors = {} as Record<ProductSort, { id: string; price: number }>;

  beforeAll(async () => {
    context = await createPlatformContext([
      TypeOrmModule.forFeature([ProductOrmEntity, CategoryOrmEntity]),
    ]);
    dataSource = context.get<DataSource>(getDataSourceToken());
    sut = new TypeOrmCatalogReadModel(context.get(ReadDatabase));
    // The largest seeded demo category (about a tenth of the products).
    const [largest] = (await dataSource.query(
      'SELECT category_id AS id FROM products GROUP BY category_id ORDER BY COUNT(*) DESC LIMIT 1',
    )) as Array<{ id: string }>;
    categoryId = largest!.id;
    for (const sort of PRODUCT_SORTS) {
      const { sql, params } = TypeOrmCatalogReadModel.listSql({ sort, limit: PAGE });
      const rows = (await dataSource.query(sql, params)) as Array<{ id: string; price: number }>;
      const last = rows[PAGE - 1]!;
      cursors[sort] = { id: last.id, price: Number(last.price) };
    }
  });

  afterAll(async () => {
    await context.close();
  });

  it('runs against the seeded catalog: 100,000+ products, large categories, some HIDDEN', async () => {
    const [row] = (await dataSource.query(
      `SELECT COUNT(*) AS total, SUM(status = 'HIDDEN') AS hidden,
              SUM(category_id = ?) AS inCategory FROM products`,
      [categoryId],
    )) as Array<Record<'total' | 'hidden' | 'inCategory', number | string>>;

    expect(Number(row!.total)).toBeGreaterThanOrEqual(100_000);
    expect(Number(row!.inCategory)).toBeGreaterThanOrEqual(5_000);
    expect(Number(row!.hidden)).toBeGreaterThan(0);
  });

  const variants: Array<[string, (sort: ProductSort) => Omit<ProductListCriteria, 'sort'>]> = [
    ['no filter', () => ({ limit: PAGE })],
    ['categoryId', () => ({ limit: PAGE, categoryId })],
    ['a price range', () => ({ limit: PAGE, minPrice: 50_000, maxPrice: 120_000 })],
    ['minPrice only', () => ({ limit: PAGE, minPrice: 150_000 })],
    ['q', () => ({ limit: PAGE, q: 'Kettle' })],
    [
      'categoryId and a price range',
      () => ({ limit: PAGE, categoryId, minPrice: 50_000, maxPrice: 120_000 }),
    ],
    ['a cursor', (sort) => ({ limit: PAGE, after: cursors[sort] })],
    ['categoryId and a cursor', (sort) => ({ limit: PAGE, categoryId, after: cursors[sort] })],
    [
      'everything at once',
      (sort) => ({
        limit: PAGE,
        categoryId,
        minPrice: 1_000,
        maxPrice: 150_000,
        q: 'o',
        after: cursors[sort],
      }),
    ],
  ];
  const cases = PRODUCT_SORTS.flatMap((sort) =>
    variants.map(([label, criteria]) => [sort, label, criteria] as const),
  );

  it.each(cases)(
    'EXPLAIN of sort %s with %s: every row uses an index, no full scan, no filesort',
    async (sort, _label, criteria) => {
      const { sql, params } = TypeOrmCatalogReadModel.listSql({ sort, ...criteria(sort) });

      const plan = (await dataSource.query(`EXPLAIN ${sql}`, params)) as ExplainRow[];

      expect(plan.length).toBeGreaterThan(0);
      for (const row of plan) {
        expect({ key: row.key, type: row.type }).toEqual({
          key: expect.stringMatching(/^ix_products_/),
          type: expect.not.stringMatching(/^(ALL|index)$/),
        });
        expect(row.Extra ?? '').not.toMatch(/filesort/i);
        expect(row.Extra ?? '').not.toMatch(/temporary/i);
      }
    },
  );

  /** Runs the statement on one primary connection and returns the rows and the handler reads it cost. */
  async function measure(
    criteria: ProductListCriteria,
  ): Promise<{ rows: unknown[]; reads: HandlerReads }> {
    // FLUSH STATUS needs RELOAD, which the application user rightly lacks:
    // the session counters before and after on a dedicated connection give the same number.
    const runner = dataSource.createQueryRunner('master');
    await runner.connect();
    try {
      const status = async (): Promise<HandlerReads> => {
        const rows = (await runner.query("SHOW SESSION STATUS LIKE 'Handler_read%'")) as Array<{
          Variable_name: string;
          Value: string;
        }>;
        return Object.fromEntries(
          HANDLER_READS.map((name) => [
            name,
            Number(rows.find((r) => r.Variable_name === name)?.Value ?? NaN),
          ]),
        ) as HandlerReads;
      };
      const { sql, params } = TypeOrmCatalogReadModel.listSql(criteria);
      const before = await status();
      const rows = (await runner.query(sql, params)) as unknown[];
      const after = await status();
      const reads = Object.fromEntries(
        HANDLER_READS.map((name) => [name, after[name] - before[name]]),
      ) as HandlerReads;
      return { rows, reads };
    } finally {
      await runner.release();
    }
  }

  const indexEntries = (reads: HandlerReads): number =>
    reads.Handler_read_first +
    reads.Handler_read_key +
    reads.Handler_read_last +
    reads.Handler_read_next +
    reads.Handler_read_prev;

  it.each(PRODUCT_SORTS)(
    'reads fewer than 200 index entries for the unfiltered first page of %s (the scan stops at LIMIT)',
    async (sort) => {
      const { rows, reads } = await measure({ sort, limit: PAGE });

      expect(rows).toHaveLength(PAGE + 1);
      expect(indexEntries(reads)).toBeGreaterThanOrEqual(PAGE);
      expect(indexEntries(reads)).toBeLessThan(200);
      expect(reads.Handler_read_rnd_next).toBe(0);
      expect(reads.Handler_read_rnd).toBe(0);
    },
  );

  it.each(PRODUCT_SORTS)(
    'reads fewer than 200 index entries for a category page after a cursor with %s',
    async (sort) => {
      const { rows, reads } = await measure({
        sort,
        limit: PAGE,
        categoryId,
        after: cursors[sort],
      });

      expect(rows).toHaveLength(PAGE + 1);
      expect(indexEntries(reads)).toBeLessThan(200);
      expect(reads.Handler_read_rnd_next).toBe(0);
    },
  );

  it.each(PRODUCT_SORTS)(
    'pages with %s in the same order as a plain ORDER BY without the forced index',
    async (sort) => {
      const served: string[] = [];
      let after: ProductListCriteria['after'];
      for (let page = 0; page < 3; page += 1) {
        const result = await sut.products({ sort, limit: PAGE, categoryId, after });
        served.push(...result.items.map((item) => item.id));
        expect(result.items.every((item) => item.status === 'ACTIVE')).toBe(true);
        expect(result.last).not.toBeNull();
        after = result.last!;
      }

      const order = {
        newest: 'id DESC',
        price_asc: 'price, id',
        price_desc: 'price DESC, id DESC',
      };
      const expected = (
        (await dataSource.query(
          `SELECT id FROM products IGNORE INDEX (ix_products_category_status_id, ix_products_category_status_price)
           WHERE status = 'ACTIVE' AND category_id = ? ORDER BY ${order[sort]} LIMIT ?`,
          [categoryId, PAGE * 3],
        )) as Array<{ id: string }>
      ).map((row) => row.id);
      expect(served).toEqual(expected);
    },
  );
});
