import { Order } from '../../../domain/order.aggregate';
import { OrderView } from './order.view';

export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    status: order.status,
    items: order.lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    })),
    subtotal: order.subtotal,
    discount: order.discount,
    pointsUsed: order.pointsUsed,
    paidAmount: order.paidAmount,
    pointsEarned: order.pointsEarned,
    userCouponId: order.userCouponId,
    createdAt: order.createdAt.toISOString(),
    cancelledAt: order.cancelledAt ? order.cancelledAt.toISOString() : null,
  };
}
