import { Money } from '../../../../shared/kernel/money';
import { Order } from '../../domain/order.aggregate';
import { OrderStatus } from '../../domain/order-status';

export interface OrderRow {
  id: string;
  user_id: string;
  status: OrderStatus;
  subtotal: number | string;
  discount: number | string;
  points_used: number | string;
  paid_amount: number | string;
  points_earned: number | string;
  user_coupon_id: string | null;
  created_at: Date;
  cancelled_at: Date | null;
}

export interface OrderLineRow {
  order_id: string;
  product_id: string;
  name: string;
  unit_price: number | string;
  quantity: number | string;
  line_total: number | string;
}

/** Rows of `orders`/`order_lines` (BIGINT columns may arrive as strings). */
export function toOrder(row: OrderRow, lines: readonly OrderLineRow[]): Order {
  return Order.rehydrate({
    id: row.id,
    userId: row.user_id,
    status: row.status,
    lines: lines.map((line) => ({
      productId: line.product_id,
      name: line.name,
      unitPrice: Money.won(Number(line.unit_price)),
      quantity: Number(line.quantity),
      lineTotal: Money.won(Number(line.line_total)),
    })),
    subtotal: Money.won(Number(row.subtotal)),
    discount: Money.won(Number(row.discount)),
    pointsUsed: Number(row.points_used),
    paidAmount: Money.won(Number(row.paid_amount)),
    pointsEarned: Number(row.points_earned),
    userCouponId: row.user_coupon_id,
    createdAt: new Date(row.created_at),
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
  });
}
