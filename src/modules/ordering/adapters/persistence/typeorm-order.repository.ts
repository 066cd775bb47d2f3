import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { OrderRepository } from '../../application/ports/order.repository.port';
import { Order } from '../../domain/order.aggregate';
import { OrderRow, OrderLineRow, toOrder } from './order.rows';

/** Orders in SQL on the primary: one INSERT for the order and one for all its lines. */
@Injectable()
export class TypeOrmOrderRepository extends OrderRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async add(order: Order): Promise<void> {
    const manager = this.transaction.manager();
    await manager.query(
      `INSERT INTO orders (id, user_id, status, subtotal, discount, points_used, paid_amount, points_earned, user_coupon_id, created_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        order.id,
        order.userId,
        order.status,
        order.subtotal.won,
        order.discount.won,
        order.pointsUsed,
        order.paidAmount.won,
        order.pointsEarned,
        order.userCouponId,
        order.createdAt,
        order.cancelledAt,
      ],
    );
    await manager.query(
      `INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, line_total) VALUES ${order.lines.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      order.lines.flatMap((line) => [
        order.id,
        line.productId,
        line.name,
        line.unitPrice.won,
        line.quantity,
        line.lineTotal.won,
      ]),
    );
  }

  async findForUpdate(id: string): Promise<Order | null> {
    const manager = this.transaction.manager();
    const [row] = (await manager.query('SELECT * FROM orders WHERE id = ? FOR UPDATE', [
      id,
    ])) as OrderRow[];
    if (!row) return null;
    const lines = (await manager.query(
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY product_id',
      [id],
    )) as OrderLineRow[];
    return toOrder(row, lines);
  }

  async saveStatus(order: Order): Promise<void> {
    await this.transaction
      .manager()
      .query('UPDATE orders SET status = ?, cancelled_at = ? WHERE id = ?', [
        order.status,
        order.cancelledAt,
        order.id,
      ]);
  }
}
