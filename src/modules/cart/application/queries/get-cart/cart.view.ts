/** One line of the cart with the product's current name, price and availability. */
export interface CartItemView {
  readonly productId: string;
  readonly name: string;
  /** Current price in won. */
  readonly unitPrice: number;
  readonly quantity: number;
  /** unitPrice × quantity, also for lines that are not available. */
  readonly lineTotal: number;
  /** The product is ACTIVE and its stock covers the quantity. */
  readonly available: boolean;
}

/** The cart as its owner sees it. */
export interface CartView {
  /** In the order the products were first added. */
  readonly items: CartItemView[];
  /** Sum of the line totals of available lines: what checkout could charge now. */
  readonly total: number;
}
