import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { CatalogReadModel } from '../../ports/catalog.read-model.port';
import { ProductCursorCodec } from './product-cursor.codec';
import { ListProductsQuery } from './list-products.query';
import { ProductPageView } from './product-page.view';

/** One page of ACTIVE products, keyset-paginated so pages stay stable while products are added. */
@QueryHandler(ListProductsQuery)
export class ListProductsHandler implements IQueryHandler<ListProductsQuery, ProductPageView> {
  constructor(private readonly catalog: CatalogReadModel) {}

  async execute({ filter }: ListProductsQuery): Promise<ProductPageView> {
    if (
      filter.minPrice !== undefined &&
      filter.maxPrice !== undefined &&
      filter.minPrice > filter.maxPrice
    ) {
      throw new ValidationError([
        { field: 'minPrice', message: 'minPrice must not exceed maxPrice' },
      ]);
    }
    const q = filter.q?.trim();
    const page = await this.catalog.products({
      limit: filter.limit,
      sort: filter.sort,
      after: filter.cursor ? ProductCursorCodec.decode(filter.sort, filter.cursor) : undefined,
      categoryId: filter.categoryId,
      q: q ? q : undefined,
      minPrice: filter.minPrice,
      maxPrice: filter.maxPrice,
    });
    return {
      items: page.items,
      nextCursor: page.last ? ProductCursorCodec.encode(filter.sort, page.last) : null,
    };
  }
}
