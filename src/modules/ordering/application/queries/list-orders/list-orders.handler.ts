import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { OrderReadModel } from '../../ports/order.read-model.port';
import { ListOrdersQuery } from './list-orders.query';
import { OrderPageView } from './order-page.view';

const ORDER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The caller's orders, newest first (ids are time-ordered UUIDv7); the cursor is the last id. */
@QueryHandler(ListOrdersQuery)
export class ListOrdersHandler implements IQueryHandler<ListOrdersQuery, OrderPageView> {
  constructor(private readonly orders: OrderReadModel) {}

  async execute(query: ListOrdersQuery): Promise<OrderPageView> {
    const afterId = query.cursor === undefined ? undefined : decode(query.cursor);
    const rows = await this.orders.orders(query.userId, query.limit + 1, afterId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
    };
  }
}

function decode(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!ORDER_ID.test(id))
    throw new ValidationError([{ field: 'cursor', message: 'cursor is not valid for this list' }]);
  return id;
}
