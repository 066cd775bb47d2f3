import { Order } from '../../domain/order.aggregate';

/** Orders on the write side (primary, current UnitOfWork). */
export abstract class OrderRepository {
  /** Inserts an order and its lines. */
  abstract add(order: Order): Promise<void>;

  /**
   * Inserts the order's sealed address copy (no-op without one). Placing calls
   * it before taking stock, so the hot product rows are not held while the
   * member's key is read and the copy sealed.
   */
  abstract addShippingAddress(order: Order): Promise<void>;

  /** The order with its row locked until the transaction ends; null if none. */
  abstract findForUpdate(id: string): Promise<Order | null>;

  /** Persists a status change (cancellation, shipping, delivery). */
  abstract saveStatus(order: Order): Promise<void>;
}
