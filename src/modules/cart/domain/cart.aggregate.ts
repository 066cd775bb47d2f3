import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { CartLimits } from './cart-limits';

/** One product in a cart. */
export interface CartItem {
  readonly productId: string;
  readonly quantity: number;
}

export interface CartProps {
  readonly userId: string;
  readonly items: readonly CartItem[];
}

/**
 * A user's cart: at most one line per product, 1..100 of each, at most 50
 * lines. Rehydrated under the per-user cart lock, so the line limit holds
 * against concurrent changes.
 */
export class Cart extends AggregateRoot {
  private readonly items: Map<string, number>;

  private constructor(
    readonly userId: string,
    items: readonly CartItem[],
  ) {
    super();
    this.items = new Map(items.map((item) => [item.productId, item.quantity]));
  }

  static rehydrate(props: CartProps): Cart {
    return new Cart(props.userId, props.items);
  }

  /** The lines, ordered by product id. */
  get lines(): CartItem[] {
    return [...this.items.entries()]
      .map(([productId, quantity]) => ({ productId, quantity }))
      .sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  }

  /** The quantity of a product, 0 when it is not in the cart. */
  quantityOf(productId: string): number {
    return this.items.get(productId) ?? 0;
  }

  /**
   * Sets (not adds to) the quantity of a product; a new product becomes a new
   * line unless the cart already has the maximum number of lines.
   */
  setQuantity(productId: string, quantity: number): CartItem {
    const { min, max } = CartLimits.quantity;
    if (!Number.isInteger(quantity) || quantity < min || quantity > max) {
      throw new ValidationError([
        { field: 'quantity', message: `quantity must be an integer from ${min} to ${max}` },
      ]);
    }
    if (!this.items.has(productId) && this.items.size >= CartLimits.maxLines) {
      throw new ValidationError(
        [
          {
            field: 'productId',
            message: `a cart holds at most ${CartLimits.maxLines} different products`,
          },
        ],
        `The cart already holds ${CartLimits.maxLines} different products`,
      );
    }
    this.items.set(productId, quantity);
    return { productId, quantity };
  }
}
