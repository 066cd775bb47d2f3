/** One line of one order of one member. */
export interface PurchaseLine {
  readonly userId: string;
  readonly orderId: string;
  readonly productId: string;
}

/** What members received, for the reviews context (ADR 0055). */
export abstract class DeliveredPurchases {
  /**
   * True when the order is the member's, has a line of the product and was
   * delivered: DELIVERED or any later state (a return request or a return
   * does not undo the delivery). Read on the primary, in the caller's
   * transaction if there is one, so a delivery just recorded counts.
   */
  abstract received(line: PurchaseLine): Promise<boolean>;
}
