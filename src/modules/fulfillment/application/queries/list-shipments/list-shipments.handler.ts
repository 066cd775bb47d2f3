import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { IdCursor } from '../../../../../shared/kernel/id-cursor';
import { ShipmentReadModel } from '../../ports/shipment.read-model.port';
import { ListShipmentsQuery } from './list-shipments.query';
import { ShipmentPageView } from './shipment-page.view';

/** The warehouse's work list: oldest first (ids are time-ordered UUIDv7); the cursor is the last id. */
@QueryHandler(ListShipmentsQuery)
export class ListShipmentsHandler implements IQueryHandler<ListShipmentsQuery, ShipmentPageView> {
  constructor(private readonly shipments: ShipmentReadModel) {}

  async execute(query: ListShipmentsQuery): Promise<ShipmentPageView> {
    const afterId = query.cursor === undefined ? undefined : IdCursor.decode(query.cursor);
    const rows = await this.shipments.list(query.status, query.limit + 1, afterId);
    const items = rows.slice(0, query.limit);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > query.limit && last ? IdCursor.encode(last.id) : null,
    };
  }
}
