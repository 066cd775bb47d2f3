import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { OrderReadModel, SalesCount } from '../../application/ports/order.read-model.port';
import { OrderView, OwnedOrderView } from '../../application/queries/get-order/order.view';
import { toOrderView } from '../../application/queries/get-order/order-view.mapper';
import { OrderLineRow, OrderRow, toOrder } from './order.rows';

/** Orders on a replica; the platform sends the acting user to the primary right after their writes. */
@Injectable()
export class TypeOrmOrderReadModel extends OrderReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async order(id: string): Promise<OwnedOrderView | null> {
    const [row] = await this.database.query<OrderRow>('SELECT * FROM orders WHERE id = ?', [id]);
    if (!row) return null;
    const lines = await this.database.query<OrderLineRow>(
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY product_id',
      [id],
    );
    return { userId: row.user_id, order: toOrderView(toOrder(row, lines)) };
  }

  async orders(userId: string, limit: number, afterId?: string): Promise<OrderView[]> {
    const rows = await this.database.query<OrderRow>(
      `SELECT * FROM orders WHERE user_id = ? ${afterId ? 'AND id < ?' : ''} ORDER BY id DESC LIMIT ?`,
      afterId ? [userId, afterId, limit] : [userId, limit],
    );
    if (rows.length === 0) return [];
    const lines = await this.database.query<OrderLineRow>(
      `SELECT * FROM order_lines WHERE order_id IN (${rows.map(() => '?').join(', ')}) ORDER BY order_id, product_id`,
      rows.map((row) => row.id),
    );
    const byOrder = new Map<string, OrderLineRow[]>();
    for (const line of lines)
      byOrder.set(line.order_id, [...(byOrder.get(line.order_id) ?? []), line]);
    return rows.map((row) => toOrderView(toOrder(row, byOrder.get(row.id) ?? [])));
  }

  async bestSellers(from: Date, limit: number): Promise<SalesCount[]> {
    const rows = await this.database.query<{ product_id: string; sold: number | string }>(
      `SELECT l.product_id, SUM(l.quantity) AS sold
         FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.status = 'PAID' AND o.created_at >= ?
        GROUP BY l.product_id
        ORDER BY sold DESC, l.product_id
        LIMIT ?`,
      [from, limit],
    );
    return rows.map((row) => ({ productId: row.product_id, soldQuantity: Number(row.sold) }));
  }
}
