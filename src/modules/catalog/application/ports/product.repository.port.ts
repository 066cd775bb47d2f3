import { Product } from '../../domain/product.aggregate';

export type StockAdjustmentResult =
  | { readonly outcome: 'adjusted'; readonly stock: number }
  | { readonly outcome: 'not-found' }
  | { readonly outcome: 'insufficient' };

/** Products on the write side (primary, current UnitOfWork). */
export abstract class ProductRepository {
  /** Inserts a new product. */
  abstract add(product: Product): Promise<void>;

  /** The product, row-locked until the transaction ends; null if none. */
  abstract findForUpdate(id: string): Promise<Product | null>;

  /** Persists changed fields of a product. */
  abstract save(product: Product): Promise<void>;

  /**
   * Adds `delta` to the stock in one conditional statement (never below zero)
   * and records the adjustment; concurrent adjustments serialize on the row.
   */
  abstract adjustStock(
    id: string,
    delta: number,
    reason: string,
    at: Date,
  ): Promise<StockAdjustmentResult>;
}
