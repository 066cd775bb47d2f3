import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { CatalogLimits } from '../../domain/catalog-limits';
import { Product, ProductProps } from '../../domain/product.aggregate';
import { ProductRepository, StockAdjustmentResult } from '../ports/product.repository.port';

export interface StockAdjustmentRow {
  readonly productId: string;
  readonly delta: number;
  readonly reason: string;
  readonly stockAfter: number;
  readonly at: Date;
  /** The transaction the adjustment was made in; undefined outside `run`. */
  readonly transaction: number | undefined;
}

/**
 * Products stored as plain rows: every read returns a fresh aggregate, so a
 * change only sticks when the handler saves it. `adjustStock` behaves like
 * the conditional UPDATE (never below zero, the stock CHECK constraint, a
 * journal row per adjustment). What a rolled-back transaction wrote is gone.
 */
export class InMemoryProductRepository extends ProductRepository {
  private rows = new Map<string, ProductProps>();
  private journal: StockAdjustmentRow[] = [];
  /** Ids passed to `save`, in order (changed or not). */
  readonly saveCalls: string[] = [];

  constructor(private readonly unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const rows = new Map(this.rows);
        const journal = [...this.journal];
        return () => {
          this.rows = rows;
          this.journal = journal;
        };
      },
    });
  }

  /** Puts a product in place without going through a handler. */
  seed(product: Product): void {
    this.rows.set(product.id, propsOf(product));
  }

  /** The stored product, or undefined. */
  stored(id: string): Product | undefined {
    const row = this.rows.get(id);
    return row ? Product.rehydrate(row) : undefined;
  }

  /** Every stored product, in insertion order. */
  all(): Product[] {
    return [...this.rows.values()].map((row) => Product.rehydrate(row));
  }

  /** The stock adjustment journal, in order. */
  adjustments(): readonly StockAdjustmentRow[] {
    return this.journal;
  }

  async add(product: Product): Promise<void> {
    if (this.rows.has(product.id)) throw new Error(`duplicate product id ${product.id}`);
    this.rows.set(product.id, propsOf(product));
  }

  async findForUpdate(id: string): Promise<Product | null> {
    return this.stored(id) ?? null;
  }

  async save(product: Product): Promise<void> {
    this.saveCalls.push(product.id);
    // Like the UPDATE of the real adapter: a row that does not exist stays absent.
    if (this.rows.has(product.id)) this.rows.set(product.id, propsOf(product));
  }

  async adjustStock(
    id: string,
    delta: number,
    reason: string,
    at: Date,
  ): Promise<StockAdjustmentResult> {
    const row = this.rows.get(id);
    if (!row) return { outcome: 'not-found' };
    const stock = row.stock + delta;
    if (stock < 0) return { outcome: 'insufficient' };
    if (stock > CatalogLimits.maxStock) {
      // What the real adapter makes of ck_products_stock rejecting the UPDATE.
      throw new ValidationError([{ field: 'delta', message: 'stock would exceed its maximum' }]);
    }
    this.rows.set(id, { ...row, stock, updatedAt: at });
    this.journal.push({
      productId: id,
      delta,
      reason,
      stockAfter: stock,
      at,
      transaction: this.unitOfWork?.currentTransaction,
    });
    return { outcome: 'adjusted', stock };
  }
}

function propsOf(product: Product): ProductProps {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    price: product.price,
    stock: product.stock,
    categoryId: product.categoryId,
    status: product.status,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}
