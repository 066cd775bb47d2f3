import { OwnedOrderView, OrderView } from '../queries/get-order/order.view';

export interface SalesCount {
  readonly productId: string;
  readonly soldQuantity: number;
}

/** Read side of orders (replicas; the caller reads their own writes). */
export abstract class OrderReadModel {
  /** One order with its owner; null if it does not exist. */
  abstract order(id: string): Promise<OwnedOrderView | null>;

  /** A user's orders, newest first, after the order `afterId` (keyset). */
  abstract orders(userId: string, limit: number, afterId?: string): Promise<OrderView[]>;

  /** Quantities sold by orders placed at or after `from` and not cancelled, less approved returns, above zero, best first (the ranking's fallback). */
  abstract bestSellers(from: Date, limit: number): Promise<SalesCount[]>;
}
