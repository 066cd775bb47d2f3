import { Money } from '../../../../shared/kernel/money';
import { OrderReturn } from '../../domain/order-return.aggregate';
import { ReturnStatus } from '../../domain/return-status';

/** An `order_returns` row (BIGINT columns may arrive as strings). */
export interface OrderReturnRow {
  id: string;
  order_id: string;
  user_id: string;
  status: ReturnStatus;
  reason: string;
  returned_value: number | string;
  refund_amount: number | string;
  points_restored: number | string;
  points_revoked: number | string;
  points_shortfall: number | string;
  created_at: Date;
  approved_at: Date | null;
}

/** A return line joined with its order line's unit price. */
export interface OrderReturnLineRow {
  return_id: string;
  product_id: string;
  quantity: number | string;
  unit_price: number | string;
}

/** `SELECT` of the lines of some returns with their unit prices; append `IN (...)` placeholders. */
export const RETURN_LINES_SQL = `SELECT rl.return_id, rl.product_id, rl.quantity, l.unit_price
   FROM order_return_lines rl
   JOIN order_lines l ON l.order_id = rl.order_id AND l.product_id = rl.product_id
  WHERE rl.return_id IN`;

export function toOrderReturn(
  row: OrderReturnRow,
  lines: readonly OrderReturnLineRow[],
): OrderReturn {
  return OrderReturn.rehydrate({
    id: row.id,
    orderId: row.order_id,
    userId: row.user_id,
    status: row.status,
    reason: row.reason,
    lines: lines
      .filter((line) => line.return_id === row.id)
      .map((line) => ({
        productId: line.product_id,
        quantity: Number(line.quantity),
        unitPrice: Money.won(Number(line.unit_price)),
      })),
    refundAmount: Money.won(Number(row.refund_amount)),
    pointsRestored: Number(row.points_restored),
    pointsRevoked: Number(row.points_revoked),
    pointsShortfall: Number(row.points_shortfall),
    createdAt: row.created_at,
    approvedAt: row.approved_at,
  });
}
