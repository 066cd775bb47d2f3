import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { ProductCatalog } from '../../../../catalog/application/ports/product-catalog.port';
import { ReviewReadModel } from '../../ports/review.read-model.port';
import { ListReviewsQuery } from './list-reviews.query';
import { ReviewCursorCodec } from './review-cursor.codec';
import { ReviewPageView } from './review-page.view';

/**
 * GET /products/:id/reviews: keyset pages of visible reviews. A cursor is
 * the last item's sort key, so reviews written meanwhile never shift a page.
 * An unknown or hidden product is 404 (the catalog's cached detail says so).
 */
@QueryHandler(ListReviewsQuery)
export class ListReviewsHandler implements IQueryHandler<ListReviewsQuery, ReviewPageView> {
  constructor(
    private readonly reviews: ReviewReadModel,
    private readonly catalog: ProductCatalog,
  ) {}

  async execute(query: ListReviewsQuery): Promise<ReviewPageView> {
    const after =
      query.cursor === undefined ? undefined : ReviewCursorCodec.decode(query.sort, query.cursor);
    const [product] = await this.catalog.products([query.productId]);
    if (!product || product.status !== 'ACTIVE')
      throw new NotFoundError('Product', query.productId);
    const rows = await this.reviews.page(query.productId, query.sort, query.limit + 1, after);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last
          ? ReviewCursorCodec.encode(query.sort, { id: last.id, helpful: last.helpfulCount })
          : null,
    };
  }
}
