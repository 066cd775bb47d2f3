import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { CatalogReadModel } from '../../application/ports/catalog.read-model.port';
import { ProductDetailView, ProductView } from '../../application/queries/get-product/product.view';
import { CategoryView } from '../../application/queries/list-categories/category.view';
import { ProductListCriteria } from '../../application/queries/list-products/product-list-criteria';
import { productRating } from '../../domain/product-rating';

interface ProductRow {
  id: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  category_id: string;
  status: 'ACTIVE' | 'HIDDEN';
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, description, price, stock, category_id, status, created_at, updated_at';

/** The detail also shows the rating totals (one primary-key lookup each, ADR 0055). */
const DETAIL_SQL = `SELECT p.id, p.name, p.description, p.price, p.stock, p.category_id, p.status, p.created_at, p.updated_at,
                           r.rating_sum, r.rating_count
                      FROM products p LEFT JOIN product_ratings r ON r.product_id = p.id
                     WHERE p.id = ?`;

/** ORDER BY and keyset predicate per sort; each matches an index (see the catalog migration). */
const ORDER = {
  newest: { orderBy: 'id DESC', after: 'id < ?', params: (a: { id: string }) => [a.id] },
  price_asc: {
    orderBy: 'price ASC, id ASC',
    after: '(price > ? OR (price = ? AND id > ?))',
    params: (a: { id: string; price?: number }) => [a.price, a.price, a.id],
  },
  price_desc: {
    orderBy: 'price DESC, id DESC',
    after: '(price < ? OR (price = ? AND id < ?))',
    params: (a: { id: string; price?: number }) => [a.price, a.price, a.id],
  },
} as const;

/** Catalog queries in SQL on a replica (through ReadDatabase). */
@Injectable()
export class TypeOrmCatalogReadModel extends CatalogReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async product(id: string): Promise<ProductDetailView | null> {
    const [row] = await this.database.query<
      ProductRow & { rating_sum: number | string | null; rating_count: number | null }
    >(DETAIL_SQL, [id]);
    if (!row) return null;
    return {
      ...toView(row),
      rating: productRating(Number(row.rating_sum ?? 0), Number(row.rating_count ?? 0)),
    };
  }

  async products(
    criteria: ProductListCriteria,
  ): Promise<{ items: ProductView[]; last: { id: string; price: number } | null }> {
    const { sql, params } = TypeOrmCatalogReadModel.listSql(criteria);
    const rows = await this.database.query<ProductRow>(sql, params);
    const items = rows.slice(0, criteria.limit).map(toView);
    const last = rows.length > criteria.limit ? items[items.length - 1] : undefined;
    return { items, last: last ? { id: last.id, price: last.price } : null };
  }

  /** The list statement (public for the EXPLAIN test); fetches one row more than the page. */
  static listSql(criteria: ProductListCriteria): { sql: string; params: unknown[] } {
    const where = ["status = 'ACTIVE'"];
    const params: unknown[] = [];
    if (criteria.categoryId) {
      where.push('category_id = ?');
      params.push(criteria.categoryId);
    }
    if (criteria.minPrice !== undefined) {
      where.push('price >= ?');
      params.push(criteria.minPrice);
    }
    if (criteria.maxPrice !== undefined) {
      where.push('price <= ?');
      params.push(criteria.maxPrice);
    }
    if (criteria.q) {
      where.push("name LIKE ? ESCAPE '!'");
      params.push(`%${criteria.q.replace(/[!%_]/g, (c) => `!${c}`)}%`);
    }
    const order = ORDER[criteria.sort];
    if (criteria.after) {
      where.push(order.after);
      params.push(...order.params(criteria.after));
    }
    params.push(criteria.limit + 1);
    // The index that yields rows in the page's order: the scan stops after limit + 1
    // rows. Left alone, the optimizer may prefer a price-range index and sort
    // thousands of rows for a 20-row page (seen for newest + category + price range).
    const index = `ix_products_${criteria.categoryId ? 'category_' : ''}status_${criteria.sort === 'newest' ? 'id' : 'price'}`;
    return {
      sql: `SELECT ${COLUMNS} FROM products FORCE INDEX (${index}) WHERE ${where.join(' AND ')} ORDER BY ${order.orderBy} LIMIT ?`,
      params,
    };
  }

  async categories(limit: number, after?: { name: string; id: string }): Promise<CategoryView[]> {
    const rows = await this.database.query<{ id: string; name: string }>(
      `SELECT id, name FROM categories ${after ? 'WHERE (name > ? OR (name = ? AND id > ?))' : ''} ORDER BY name, id LIMIT ?`,
      after ? [after.name, after.name, after.id, limit] : [limit],
    );
    return rows.map((row) => ({ id: row.id, name: row.name }));
  }
}

function toView(row: ProductRow): ProductView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: Number(row.price),
    stock: Number(row.stock),
    categoryId: row.category_id,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
