import { Cart, CartItem } from '../../domain/cart.aggregate';

/** Carts on the write side (primary), inside the current UnitOfWork. */
export abstract class CartRepository {
  /**
   * Takes the per-user cart lock (held until the transaction ends, so cart
   * changes of one user run one after the other) and returns the cart as it
   * is under that lock.
   */
  abstract lockForChange(userId: string): Promise<Cart>;

  /**
   * Stores one line of the cart: inserts it (added now) or replaces its
   * quantity, keeping when it was first added.
   */
  abstract saveLine(userId: string, item: CartItem, now: Date): Promise<void>;

  /** Deletes the line of this product; nothing happens when there is none. */
  abstract removeLine(userId: string, productId: string): Promise<void>;

  /** Deletes every line of the user's cart. */
  abstract clear(userId: string): Promise<void>;
}
