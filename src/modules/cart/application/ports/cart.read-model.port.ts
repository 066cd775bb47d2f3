import { CartLine } from './cart-contents.port';

/** Read side of carts (replica, read-your-writes aware). */
export abstract class CartReadModel {
  /** The user's lines in the order they were first added (then by product id); empty when none. */
  abstract lines(userId: string): Promise<CartLine[]>;
}
