import { OrderReadModel, SalesCount } from '../ports/order.read-model.port';
import { OrderView, OwnedOrderView } from '../queries/get-order/order.view';

/**
 * Order views with their owners. Ids sort like time-ordered UUIDv7: the
 * greatest id is the newest order. Records what best sellers were asked for.
 */
export class InMemoryOrderReadModel extends OrderReadModel {
  /** Every `bestSellers` call, in order. */
  readonly bestSellersCalls: Array<{ readonly from: Date; readonly limit: number }> = [];
  private readonly views = new Map<string, OwnedOrderView>();

  /** Puts a view of `userId`'s order in place. */
  put(userId: string, order: OrderView): void {
    this.views.set(order.id, { userId, order });
  }

  async order(id: string): Promise<OwnedOrderView | null> {
    return this.views.get(id) ?? null;
  }

  async orders(userId: string, limit: number, afterId?: string): Promise<OrderView[]> {
    return [...this.views.values()]
      .filter((view) => view.userId === userId)
      .map((view) => view.order)
      .filter((order) => afterId === undefined || order.id < afterId)
      .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
      .slice(0, limit);
  }

  async bestSellers(from: Date, limit: number): Promise<SalesCount[]> {
    this.bestSellersCalls.push({ from, limit });
    const sold = new Map<string, number>();
    for (const { order } of this.views.values()) {
      if (order.status !== 'PAID' || Date.parse(order.createdAt) < from.getTime()) continue;
      for (const item of order.items)
        sold.set(item.productId, (sold.get(item.productId) ?? 0) + item.quantity);
    }
    return [...sold.entries()]
      .map(([productId, soldQuantity]) => ({ productId, soldQuantity }))
      .sort((a, b) => b.soldQuantity - a.soldQuantity)
      .slice(0, limit);
  }
}
