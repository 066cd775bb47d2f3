import { Order } from '../../../domain/order.aggregate';
import { PostalAddress } from '../../../../../shared/kernel/postal-address.value-object';
import { FulfillmentView, OrderView, ShippingAddressView } from './order.view';

function fulfillmentOf(order: Order): FulfillmentView | null {
  if (order.status === 'CANCELLED') return null;
  const shipping = order.shipping;
  if (!shipping) return { status: 'READY' };
  return {
    status: shipping.deliveredAt ? 'DELIVERED' : 'SHIPPED',
    carrier: shipping.carrier,
    trackingNumber: shipping.trackingNumber,
    shippedAt: shipping.shippedAt.toISOString(),
    ...(shipping.deliveredAt && { deliveredAt: shipping.deliveredAt.toISOString() }),
  };
}

function toShippingAddressView(address: PostalAddress): ShippingAddressView {
  const { recipient, phone, postalCode, line1, line2 } = address;
  return { recipient, phone, postalCode, line1, line2 };
}

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
    shippingAddress: order.shippingAddress && toShippingAddressView(order.shippingAddress),
    createdAt: order.createdAt.toISOString(),
    cancelledAt: order.cancelledAt ? order.cancelledAt.toISOString() : null,
    fulfillment: fulfillmentOf(order),
  };
}
