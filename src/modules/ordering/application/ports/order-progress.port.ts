/** The parcel an order left with. */
export interface ShippedParcel {
  readonly carrier: string;
  readonly trackingNumber: string;
}

/**
 * The order's side of fulfillment, for the fulfillment context. Runs inside
 * the caller's UnitOfWork and locks the order row, so a ship and a cancel of
 * the same order serialize and exactly one of them wins.
 */
export abstract class OrderProgress {
  /**
   * PAID → SHIPPED. NOT_FOUND for an unknown order; SHIPMENT_NOT_SHIPPABLE
   * when the order is cancelled or otherwise past PAID.
   */
  abstract shipped(orderId: string, parcel: ShippedParcel, at: Date): Promise<void>;

  /** SHIPPED → DELIVERED (the return window starts). SHIPMENT_NOT_SHIPPABLE from any other state. */
  abstract delivered(orderId: string, at: Date): Promise<void>;
}
