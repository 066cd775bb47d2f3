import { Order } from '../../../domain/order.aggregate';
import { OrderView } from './order.view';

export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    status: order.status,
    items: order.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice.won,
      quantity: line.quantity,
      lineTotal: line.lineTotal.won,
    })),
    subtotal: order.subtotal.won,
    discount: order.discount.won,
    pointsUsed: order.pointsUsed,
    paidAmount: order.paidAmount.won,
    pointsEarned: order.pointsEarned,
    userCouponId: order.userCouponId,
    createdAt: order.createdAt.toISOString(),
    cancelledAt: order.cancelledAt ? order.cancelledAt.toISOString() : null,
  };
}
