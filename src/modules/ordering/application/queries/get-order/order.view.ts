import { OrderStatus } from '../../../domain/order-status';
export interface ShippingAddressView {
  readonly recipient: string;
  readonly phone: string;
  readonly postalCode: string;
  readonly line1: string;
  readonly line2: string | null;
}

/** An order as its owner (or an admin) sees it. */
export interface OrderView {
  readonly id: string;
  readonly status: OrderStatus;
  readonly items: ReadonlyArray<{
    readonly productId: string;
    readonly name: string;
    readonly unitPrice: number;
    readonly quantity: number;
    readonly lineTotal: number;
  }>;
  readonly subtotal: number;
  readonly discount: number;
  readonly pointsUsed: number;
  readonly paidAmount: number;
  readonly pointsEarned: number;
  readonly userCouponId: string | null;
  /** The order's own copy of the delivery address; null for orders from before addresses or of an erased member. */
  readonly shippingAddress: ShippingAddressView | null;
  readonly createdAt: string;
  readonly cancelledAt: string | null;
  /** Where the parcel is: READY until shipped; null for a cancelled order. */
  readonly fulfillment: FulfillmentView | null;
}

export interface FulfillmentView {
  readonly status: 'READY' | 'SHIPPED' | 'DELIVERED';
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly shippedAt?: string;
  readonly deliveredAt?: string;
}

/** The view plus its owner, for the access check. */
export interface OwnedOrderView {
  readonly userId: string;
  readonly order: OrderView;
}
