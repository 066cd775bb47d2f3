import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { CatalogReadModel } from '../../ports/catalog.read-model.port';
import { GetProductQuery } from './get-product.query';
import { ProductDetailView } from './product.view';

@QueryHandler(GetProductQuery)
export class GetProductHandler implements IQueryHandler<GetProductQuery, ProductDetailView> {
  constructor(private readonly catalog: CatalogReadModel) {}

  async execute(query: GetProductQuery): Promise<ProductDetailView> {
    const product = await this.catalog.product(query.productId);
    if (!product || (product.status === 'HIDDEN' && !query.includeHidden))
      throw new NotFoundError('Product', query.productId);
    return product;
  }
}
