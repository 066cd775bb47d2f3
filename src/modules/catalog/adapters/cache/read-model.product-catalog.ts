import { Injectable } from '@nestjs/common';
import { CatalogReadModel } from '../../application/ports/catalog.read-model.port';
import { ProductCatalog } from '../../application/ports/product-catalog.port';
import { ProductView } from '../../application/queries/get-product/product.view';

/** ProductCatalog on the catalog's own (cached) read model: one cached detail per id, fetched in parallel. */
@Injectable()
export class ReadModelProductCatalog extends ProductCatalog {
  constructor(private readonly catalog: CatalogReadModel) {
    super();
  }

  async products(ids: readonly string[]): Promise<ProductView[]> {
    const views = await Promise.all([...new Set(ids)].map((id) => this.catalog.product(id)));
    const byId = new Map<string, ProductView>();
    for (const view of views) if (view !== null) byId.set(view.id, view);
    return ids.map((id) => byId.get(id)).filter((view): view is ProductView => view !== undefined);
  }
}
