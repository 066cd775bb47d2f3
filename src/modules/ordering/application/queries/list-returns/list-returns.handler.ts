import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdCursor } from '../../../../../shared/kernel/id-cursor';
import { OrderReturnReadModel } from '../../ports/order-return.read-model.port';
import { ListReturnsQuery } from './list-returns.query';
import { ReturnPageView } from './return-page.view';

/** Oldest first (UUIDv7 ids); the cursor is the last id of the page. */
@QueryHandler(ListReturnsQuery)
export class ListReturnsHandler implements IQueryHandler<ListReturnsQuery, ReturnPageView> {
  constructor(private readonly returns: OrderReturnReadModel) {}

  async execute(query: ListReturnsQuery): Promise<ReturnPageView> {
    const afterId = query.cursor === undefined ? undefined : IdCursor.decode(query.cursor);
    const rows = await this.returns.list(query.status, query.limit + 1, afterId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? IdCursor.encode(last.id) : null,
    };
  }
}
