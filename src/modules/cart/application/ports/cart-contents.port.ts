export interface CartLine {
  readonly productId: string;
  readonly quantity: number;
}

/** The cart as checkout sees it; runs inside the caller's UnitOfWork transaction on the primary. */
export abstract class CartContents {
  /** The user's cart lines ordered by productId, with the rows locked (SELECT ... FOR UPDATE) so a concurrent cart change waits for the checkout's transaction. */
  abstract linesForCheckout(userId: string): Promise<CartLine[]>;
  /** Empties the user's cart inside the caller's transaction. */
  abstract clear(userId: string): Promise<void>;
}
