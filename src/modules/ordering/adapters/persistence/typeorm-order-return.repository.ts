import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { Money } from '../../../../shared/kernel/money';
import {
  ApprovedReturns,
  OrderReturnRepository,
} from '../../application/ports/order-return.repository.port';
import { OrderReturn, ReturnLine } from '../../domain/order-return.aggregate';
import {
  OrderReturnLineRow,
  OrderReturnRow,
  RETURN_LINES_SQL,
  toOrderReturn,
} from './order-return.rows';

/** Returns in SQL on the primary, inside the UnitOfWork's transaction. */
@Injectable()
export class TypeOrmOrderReturnRepository extends OrderReturnRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async reserve(orderId: string, lines: readonly ReturnLine[]): Promise<boolean> {
    const manager = this.manager();
    const ordered = [...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    for (const line of ordered) {
      const result = (await manager.query(
        `UPDATE order_lines SET returned_quantity = returned_quantity + ?
          WHERE order_id = ? AND product_id = ? AND returned_quantity + ? <= quantity`,
        [line.quantity, orderId, line.productId, line.quantity],
      )) as { affectedRows: number };
      if (result.affectedRows !== 1) return false;
    }
    return true;
  }

  async add(orderReturn: OrderReturn): Promise<void> {
    const manager = this.manager();
    await manager.query(
      `INSERT INTO order_returns (id, order_id, user_id, status, reason, returned_value, refund_amount, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        orderReturn.id,
        orderReturn.orderId,
        orderReturn.userId,
        orderReturn.status,
        orderReturn.reason,
        orderReturn.returnedValue.won,
        orderReturn.refundAmount.won,
        orderReturn.createdAt,
      ],
    );
    await manager.query(
      `INSERT INTO order_return_lines (return_id, order_id, product_id, quantity)
       VALUES ${orderReturn.lines.map(() => '(?, ?, ?, ?)').join(', ')}`,
      orderReturn.lines.flatMap((line) => [
        orderReturn.id,
        orderReturn.orderId,
        line.productId,
        line.quantity,
      ]),
    );
  }

  async findForUpdate(id: string): Promise<OrderReturn | null> {
    const manager = this.manager();
    const [row] = (await manager.query('SELECT * FROM order_returns WHERE id = ? FOR UPDATE', [
      id,
    ])) as OrderReturnRow[];
    if (!row) return null;
    const lines = (await manager.query(`${RETURN_LINES_SQL} (?) ORDER BY rl.product_id`, [
      id,
    ])) as OrderReturnLineRow[];
    return toOrderReturn(row, lines);
  }

  async approvedFor(orderId: string): Promise<ApprovedReturns> {
    const manager = this.manager();
    const [sums] = (await manager.query(
      `SELECT COALESCE(SUM(CASE WHEN status = 'APPROVED' THEN returned_value ELSE 0 END), 0) AS returned_value,
              COALESCE(SUM(CASE WHEN status = 'APPROVED' THEN refund_amount + points_shortfall ELSE 0 END), 0) AS refund_due,
              COALESCE(SUM(CASE WHEN status = 'APPROVED' THEN points_restored ELSE 0 END), 0) AS restore_due,
              COALESCE(SUM(CASE WHEN status = 'APPROVED' THEN points_revoked + points_shortfall ELSE 0 END), 0) AS revoke_due,
              COALESCE(SUM(CASE WHEN status = 'REQUESTED' THEN 1 ELSE 0 END), 0) AS pending
         FROM order_returns WHERE order_id = ?`,
      [orderId],
    )) as Array<Record<string, number | string>>;
    const quantities = (await manager.query(
      `SELECT rl.product_id, SUM(rl.quantity) AS quantity
         FROM order_return_lines rl JOIN order_returns r ON r.id = rl.return_id
        WHERE rl.order_id = ? AND r.status = 'APPROVED'
        GROUP BY rl.product_id`,
      [orderId],
    )) as Array<{ product_id: string; quantity: number | string }>;
    return {
      settled: {
        returnedValue: Money.won(Number(sums?.returned_value ?? 0)),
        refundDue: Money.won(Number(sums?.refund_due ?? 0)),
        pointsRestoreDue: Number(sums?.restore_due ?? 0),
        pointsRevokeDue: Number(sums?.revoke_due ?? 0),
      },
      quantities: new Map(quantities.map((row) => [row.product_id, Number(row.quantity)])),
      pending: Number(sums?.pending ?? 0),
    };
  }

  async saveApproval(orderReturn: OrderReturn): Promise<void> {
    await this.manager().query(
      `UPDATE order_returns SET status = ?, refund_amount = ?, points_restored = ?, points_revoked = ?,
              points_shortfall = ?, approved_at = ?
        WHERE id = ?`,
      [
        orderReturn.status,
        orderReturn.refundAmount.won,
        orderReturn.pointsRestored,
        orderReturn.pointsRevoked,
        orderReturn.pointsShortfall,
        orderReturn.approvedAt,
        orderReturn.id,
      ],
    );
  }

  async release(orderId: string, lines: readonly ReturnLine[]): Promise<void> {
    const manager = this.manager();
    const ordered = [...lines].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    for (const line of ordered) {
      const result = (await manager.query(
        `UPDATE order_lines SET returned_quantity = returned_quantity - ?
          WHERE order_id = ? AND product_id = ? AND returned_quantity >= ?`,
        [line.quantity, orderId, line.productId, line.quantity],
      )) as { affectedRows: number };
      // The request reserved these units under the same order lock: a miss is a bug, not a race.
      if (result.affectedRows !== 1)
        throw new Error(`order ${orderId} line ${line.productId} holds less than the return`);
    }
  }

  async saveRejection(orderReturn: OrderReturn): Promise<void> {
    await this.manager().query(
      'UPDATE order_returns SET status = ?, refund_amount = ? WHERE id = ?',
      [orderReturn.status, orderReturn.refundAmount.won, orderReturn.id],
    );
  }

  private manager(): EntityManager {
    if (!this.transaction.active())
      throw new Error('OrderReturnRepository must run inside UnitOfWork.run');
    return this.transaction.manager();
  }
}
