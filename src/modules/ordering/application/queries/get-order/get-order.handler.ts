import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../../../../shared/kernel/audit-trail.port';
import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { OrderReadModel } from '../../ports/order.read-model.port';
import { GetOrderQuery } from './get-order.query';
import { OrderView } from './order.view';

/**
 * The owner or an admin sees the order; anyone else gets NOT_FOUND (no hint
 * that it exists). An admin reading someone else's order is audited before
 * the order is returned (503 when the audit row cannot be written).
 */
@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery, OrderView> {
  constructor(
    private readonly orders: OrderReadModel,
    private readonly audit: AuditTrail,
  ) {}

  async execute(query: GetOrderQuery): Promise<OrderView> {
    const found = await this.orders.order(query.orderId);
    const isOwner = found?.userId === query.callerId;
    if (!found || (!isOwner && !query.callerIsAdmin))
      throw new NotFoundError('Order', query.orderId);
    if (!isOwner)
      await this.audit.recordAccess({
        actor: { userId: query.callerId, role: 'ADMIN' },
        action: 'admin.order.read',
        subjectUserId: found.userId,
        resource: `order:${query.orderId}`,
      });
    return found.order;
  }
}
