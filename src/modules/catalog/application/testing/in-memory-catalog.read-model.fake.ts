import { CatalogReadModel } from '../ports/catalog.read-model.port';
import { ProductDetailView, ProductView } from '../queries/get-product/product.view';
import { CategoryView } from '../queries/list-categories/category.view';
import { ProductListCriteria } from '../queries/list-products/product-list-criteria';

const NO_RATING = { average: null, count: 0 } as const;

/**
 * Product and category views in memory with the list semantics of the SQL
 * read model: only ACTIVE products are listed, filters, the three sorts with
 * the id as tie-breaker, keyset `after` positions and `last` only when a
 * further page exists. Names compare by code unit, not by the table's
 * case-insensitive collation. Records the criteria it was asked for.
 */
export class InMemoryCatalogReadModel extends CatalogReadModel {
  private readonly productViews = new Map<string, ProductView>();
  private readonly categoryViews = new Map<string, CategoryView>();
  /** Every `products` call, in order. */
  readonly productsCalls: ProductListCriteria[] = [];
  /** Every `categories` call, in order. */
  readonly categoriesCalls: Array<{ limit: number; after?: { name: string; id: string } }> = [];

  /** Puts product views in place. */
  putProduct(...views: ProductView[]): void {
    for (const view of views) this.productViews.set(view.id, view);
  }

  /** Puts category views in place. */
  putCategory(...views: CategoryView[]): void {
    for (const view of views) this.categoryViews.set(view.id, view);
  }

  /** A product put in place without a rating has none yet. */
  async product(id: string): Promise<ProductDetailView | null> {
    const view = this.productViews.get(id);
    if (!view) return null;
    return 'rating' in view ? (view as ProductDetailView) : { ...view, rating: NO_RATING };
  }

  async products(
    criteria: ProductListCriteria,
  ): Promise<{ items: ProductView[]; last: { id: string; price: number } | null }> {
    this.productsCalls.push(criteria);
    const { sort, after, categoryId, q, minPrice, maxPrice, limit } = criteria;
    const rows = [...this.productViews.values()]
      .filter(
        (view) =>
          view.status === 'ACTIVE' &&
          (categoryId === undefined || view.categoryId === categoryId) &&
          (minPrice === undefined || view.price >= minPrice) &&
          (maxPrice === undefined || view.price <= maxPrice) &&
          (q === undefined || view.name.toLowerCase().includes(q.toLowerCase())) &&
          (after === undefined || compare(sort, view, after) > 0),
      )
      .sort((a, b) => compare(sort, a, b))
      .slice(0, limit + 1);
    const items = rows.slice(0, limit);
    const last = rows.length > limit ? items[items.length - 1] : undefined;
    return { items, last: last ? { id: last.id, price: last.price } : null };
  }

  async categories(limit: number, after?: { name: string; id: string }): Promise<CategoryView[]> {
    this.categoriesCalls.push({ limit, after });
    return [...this.categoryViews.values()]
      .sort((a, b) => byString(a.name, b.name) || byString(a.id, b.id))
      .filter(
        (view) =>
          after === undefined ||
          view.name > after.name ||
          (view.name === after.name && view.id > after.id),
      )
      .slice(0, limit);
  }
}

/** Position of `a` relative to `b` in the order of `sort` (negative: `a` comes first). */
function compare(
  sort: ProductListCriteria['sort'],
  a: { id: string; price?: number },
  b: { id: string; price?: number },
): number {
  if (sort === 'newest') return byString(b.id, a.id);
  const byPrice = (a.price ?? 0) - (b.price ?? 0);
  const ascending = byPrice || byString(a.id, b.id);
  return sort === 'price_asc' ? ascending : -ascending;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
