import { ProductCatalog } from '../../../catalog/application/ports/product-catalog.port';
import { ProductView } from '../../../catalog/application/queries/get-product/product.view';

/** Product views in a map; records which ids were asked for. */
export class FakeProductCatalog extends ProductCatalog {
  /** The ids of every `products` call, in order. */
  readonly requests: Array<readonly string[]> = [];
  private readonly views = new Map<string, ProductView>();

  /** Puts a product view in place; unspecified fields get plain defaults (ACTIVE). */
  put(view: Pick<ProductView, 'id'> & Partial<ProductView>): ProductView {
    const full: ProductView = {
      name: `Product ${view.id}`,
      description: '',
      price: 1000,
      stock: 10,
      categoryId: 'category-1',
      status: 'ACTIVE',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      ...view,
    };
    this.views.set(full.id, full);
    return full;
  }

  async products(ids: readonly string[]): Promise<ProductView[]> {
    this.requests.push([...ids]);
    return ids.map((id) => this.views.get(id)).filter((view): view is ProductView => !!view);
  }
}
