import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../../shared/kernel/clock.port';
import { ProductCatalog } from '../../../../catalog/application/ports/product-catalog.port';
import { OrderReadModel } from '../../ports/order.read-model.port';
import { SalesRanking } from '../../ports/sales-ranking.port';
import { BestSellersView } from './best-sellers.view';
import { GetBestSellersQuery } from './get-best-sellers.query';

const DAY_MS = 86_400_000;

/**
 * Best sellers by quantity over the last `days` UTC days: from the ranking
 * (daily counts kept by the worker from order events), or from an aggregate
 * on the replica when the ranking cannot answer. Hidden products are left out.
 */
@QueryHandler(GetBestSellersQuery)
export class GetBestSellersHandler implements IQueryHandler<GetBestSellersQuery, BestSellersView> {
  constructor(
    private readonly ranking: SalesRanking,
    private readonly orders: OrderReadModel,
    private readonly catalog: ProductCatalog,
    private readonly clock: Clock,
  ) {}

  async execute(query: GetBestSellersQuery): Promise<BestSellersView> {
    const now = this.clock.now();
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const from = new Date(today - (query.days - 1) * DAY_MS);
    // Ask for a few more than needed: some may have been hidden since they sold.
    const wanted = query.limit + 10;
    const counts =
      (await this.ranking.top(
        from.toISOString().slice(0, 10),
        now.toISOString().slice(0, 10),
        wanted,
      )) ?? (await this.orders.bestSellers(from, wanted));
    const products = await this.catalog.products(counts.map((count) => count.productId));
    const byId = new Map(
      products
        .filter((product) => product.status === 'ACTIVE')
        .map((product) => [product.id, product]),
    );
    const items = counts
      .filter((count) => byId.has(count.productId))
      .slice(0, query.limit)
      .map((count) => ({ product: byId.get(count.productId)!, soldQuantity: count.soldQuantity }));
    return { items, from: from.toISOString(), to: now.toISOString() };
  }
}
