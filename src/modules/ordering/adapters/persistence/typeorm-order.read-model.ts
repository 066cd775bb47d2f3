import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { OrderReadModel, SalesCount } from '../../application/ports/order.read-model.port';
import { OrderView, OwnedOrderView } from '../../application/queries/get-order/order.view';
import { toOrderView } from '../../application/queries/get-order/order-view.mapper';
import {
  OrderLineRow,
  OrderWithAddressRow,
  shippingAddressOf,
  shippingAddressSql,
  toOrder,
} from './order.rows';

/**
 * Orders on a replica; the platform sends the acting user to the primary
 * right after their writes. The address copy is opened with the owner's
 * secret, joined from the vault in the same query.
 */
@Injectable()
export class TypeOrmOrderReadModel extends OrderReadModel {
  private readonly address: { columns: string; joins: string };

  constructor(
    private readonly database: ReadDatabase,
    private readonly cipher: FieldCipher,
    vault: MemberKeyVault,
  ) {
    super();
    this.address = shippingAddressSql(vault.keysTable);
  }

  async order(id: string): Promise<OwnedOrderView | null> {
    const [row] = await this.database.query<OrderWithAddressRow>(
      `SELECT o.*, ${this.address.columns} FROM orders o ${this.address.joins} WHERE o.id = ?`,
      [id],
    );
    if (!row) return null;
    const lines = await this.database.query<OrderLineRow>(
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY product_id',
      [id],
    );
    return {
      userId: row.user_id,
      order: toOrderView(toOrder(row, lines, shippingAddressOf(this.cipher, row))),
    };
  }

  async orders(userId: string, limit: number, afterId?: string): Promise<OrderView[]> {
    const rows = await this.database.query<OrderWithAddressRow>(
      `SELECT o.*, ${this.address.columns} FROM orders o ${this.address.joins}
        WHERE o.user_id = ? ${afterId ? 'AND o.id < ?' : ''} ORDER BY o.id DESC LIMIT ?`,
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
    return rows.map((row) =>
      toOrderView(toOrder(row, byOrder.get(row.id) ?? [], shippingAddressOf(this.cipher, row))),
    );
  }

  async bestSellers(from: Date, limit: number): Promise<SalesCount[]> {
    const rows = await this.database.query<{ product_id: string; sold: number | string }>(
      // Orders that were not cancelled, less the units of approved returns.
      `SELECT l.product_id, SUM(l.quantity) - COALESCE(SUM(r.quantity), 0) AS sold
         FROM orders o JOIN order_lines l ON l.order_id = o.id
         LEFT JOIN (SELECT rl.order_id, rl.product_id, SUM(rl.quantity) AS quantity
                      FROM order_return_lines rl JOIN order_returns rr ON rr.id = rl.return_id
                     WHERE rr.status = 'APPROVED' GROUP BY rl.order_id, rl.product_id) r
                ON r.order_id = l.order_id AND r.product_id = l.product_id
        WHERE o.status <> 'CANCELLED' AND o.created_at >= ?
        GROUP BY l.product_id
        HAVING sold > 0
        ORDER BY sold DESC, l.product_id
        LIMIT ?`,
      [from, limit],
    );
    return rows.map((row) => ({ productId: row.product_id, soldQuantity: Number(row.sold) }));
  }
}
