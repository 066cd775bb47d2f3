import { OrderReturn } from '../../domain/order-return.aggregate';
import { ReturnView } from '../queries/list-returns/return.view';

export function toReturnView(orderReturn: OrderReturn): ReturnView {
  return {
    id: orderReturn.id,
    orderId: orderReturn.orderId,
    status: orderReturn.status,
    items: orderReturn.lines.map((line) => ({
      productId: line.productId,
      quantity: line.quantity,
    })),
    reason: orderReturn.reason,
    refundAmount: orderReturn.refundAmount.won,
    pointsRestored: orderReturn.pointsRestored,
    pointsRevoked: orderReturn.pointsRevoked,
    createdAt: orderReturn.createdAt.toISOString(),
    ...(orderReturn.approvedAt && { approvedAt: orderReturn.approvedAt.toISOString() }),
  };
}
