import { Money } from '../../../../shared/kernel/money';

/** A quantity of one product. */
export interface StockLine {
  readonly productId: string;
  readonly quantity: number;
}

/** What an order line records of a product at the time of sale. */
export interface ProductSnapshot {
  readonly productId: string;
  readonly name: string;
  readonly unitPrice: Money;
}

/**
 * Stock and prices for other modules' transactions (ordering). Every method
 * runs on the primary inside the caller's UnitOfWork transaction.
 */
export abstract class ProductStock {
  /**
   * Current name and price of each product (no lock). Throws
   * PRODUCT_UNAVAILABLE when one does not exist or is HIDDEN, and
   * INSUFFICIENT_STOCK when its committed stock is already short: an early
   * answer before the caller locks anything; `take` still decides.
   */
  abstract snapshots(lines: readonly StockLine[]): Promise<ProductSnapshot[]>;

  /**
   * Takes the quantities with one conditional UPDATE per product, in
   * product-id order, so that concurrent orders lock rows in the same order
   * and cannot deadlock each other. Throws INSUFFICIENT_STOCK or
   * PRODUCT_UNAVAILABLE; the caller's transaction then rolls everything back.
   * Cached product details are evicted after commit.
   */
  abstract take(lines: readonly StockLine[]): Promise<void>;

  /** Puts the quantities back (cancellation), in product-id order, hidden products included. */
  abstract restore(lines: readonly StockLine[]): Promise<void>;
}
