import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { OrderReadModel } from '../../ports/order.read-model.port';
import { GetOrderQuery } from './get-order.query';
import { OrderView } from './order.view';

/** The owner or an admin sees the order; anyone else gets NOT_FOUND (no hint that it exists). */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderView> {
  constructor(private readonly orders: OrderReadModel) {}

  async execute(query: GetOrderQuery): Promise<OrderView> {
    const found = await this.orders.order(query.orderId);
    if (!found || (found.userId !== query.callerId && !query.callerIsAdmin))
      throw new NotFoundError('Order', query.orderId);
    return found.order;
  }
}
