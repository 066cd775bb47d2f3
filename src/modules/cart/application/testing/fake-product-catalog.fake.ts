import { ProductCatalog } from '../../../catalog/application/ports/product-catalog.port';
import { ProductView } from '../../../catalog/application/queries/get-product/product.view';

/** Product views in a map, with the ids each call asked for. */
export class FakeProductCatalog extends ProductCatalog {
  /** The ids of every `products` call, in order. */
  readonly requests: Array<readonly string[]> = [];
  private readonly views = new Map<string, ProductView>();

  /** Puts a product in place (ACTIVE, price 1000, stock 10 unless overridden). */
  put(id: string, overrides: Partial<Omit<ProductView, 'id'>> = {}): ProductView {
    const view: ProductView = {
      id,
      name: `Product ${id}`,
      description: '',
      price: 1_000,
      stock: 10,
      categoryId: 'category-1',
      status: 'ACTIVE',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...overrides,
    };
    this.views.set(id, view);
    return view;
  }

  /** Changes fields of a product put before. */
  change(id: string, changes: Partial<Omit<ProductView, 'id'>>): void {
    const view = this.views.get(id);
    if (!view) throw new Error(`no product ${id}`);
    this.views.set(id, { ...view, ...changes });
  }

  async products(ids: readonly string[]): Promise<ProductView[]> {
    this.requests.push([...ids]);
    return ids.map((id) => this.views.get(id)).filter((view) => view !== undefined);
  }
}
