import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdCursor } from '../../../../../shared/kernel/id-cursor';
import { OrderReadModel } from '../../ports/order.read-model.port';
import { ListOrdersQuery } from './list-orders.query';
import { OrderPageView } from './order-page.view';

/** The caller's orders, newest first (ids are time-ordered UUIDv7); the cursor is the last id. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, OrderPageView> {
  constructor(private readonly orders: OrderReadModel) {}

  async execute(query: ListOrdersQuery): Promise<OrderPageView> {
    const afterId = query.cursor === undefined ? undefined : IdCursor.decode(query.cursor);
    const rows = await this.orders.orders(query.userId, query.limit + 1, afterId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? IdCursor.encode(last.id) : null,
    };
  }
}
