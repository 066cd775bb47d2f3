import { Money } from '../../../../shared/kernel/money';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { InsufficientStockError } from '../../domain/insufficient-stock.error';
import { ProductUnavailableError } from '../../domain/product-unavailable.error';
import { ProductSnapshot, ProductStock, StockLine } from '../ports/product-stock.port';

export interface StockedProduct {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly stock: number;
  readonly status: 'ACTIVE' | 'HIDDEN';
}

export interface StockCall {
  readonly method: 'snapshots' | 'take' | 'restore';
  readonly productIds: readonly string[];
  /** The transaction the call was made in. */
  readonly transaction: number | undefined;
}

/**
 * The catalog's ProductStock port in memory, for other contexts' unit tests
 * (the real one is a conditional UPDATE: typeorm-product.stock.ts, proven by
 * its integration test); it throws the catalog's own errors.
 * Products with stock, status and price. Like the real adapter it works only
 * inside a transaction; `take` changes nothing unless every line can be taken,
 * and what a rolled-back transaction changed is restored.
 */
export class InMemoryProductStock extends ProductStock {
  /** Every call, in order (kept across rollbacks). */
  readonly calls: StockCall[] = [];
  private products = new Map<string, StockedProduct>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.products);
        return () => {
          this.products = saved;
        };
      },
    });
  }

  /** Puts a product in place (ACTIVE unless told otherwise). */
  seed(product: Omit<StockedProduct, 'status'> & { status?: 'ACTIVE' | 'HIDDEN' }): void {
    this.products.set(product.id, { status: 'ACTIVE', ...product });
  }

  /** Hides a product, as the catalog's DELETE does. */
  hide(id: string): void {
    this.products.set(id, { ...this.required(id), status: 'HIDDEN' });
  }

  /** Changes a product's price. */
  reprice(id: string, price: number): void {
    this.products.set(id, { ...this.required(id), price });
  }

  /** The stored stock of a product. */
  stockOf(id: string): number {
    return this.required(id).stock;
  }

  /** Stock of every product, by id. */
  stockLevels(): Record<string, number> {
    return Object.fromEntries([...this.products.values()].map((p) => [p.id, p.stock]));
  }

  async snapshots(lines: readonly StockLine[]): Promise<ProductSnapshot[]> {
    this.record(
      'snapshots',
      lines.map((line) => line.productId),
    );
    return lines.map(({ productId: id, quantity }) => {
      const product = this.products.get(id);
      if (!product || product.status !== 'ACTIVE') throw new ProductUnavailableError(id);
      if (product.stock < quantity) throw new InsufficientStockError(id);
      return { productId: id, name: product.name, unitPrice: Money.won(product.price) };
    });
  }

  async take(lines: readonly StockLine[]): Promise<void> {
    this.record(
      'take',
      lines.map((line) => line.productId),
    );
    const ordered = inIdOrder(lines);
    for (const line of ordered) {
      const product = this.products.get(line.productId);
      if (!product || product.status !== 'ACTIVE')
        throw new ProductUnavailableError(line.productId);
      if (product.stock < line.quantity) throw new InsufficientStockError(line.productId);
    }
    for (const line of ordered) {
      const product = this.required(line.productId);
      this.products.set(line.productId, { ...product, stock: product.stock - line.quantity });
    }
  }

  async restore(lines: readonly StockLine[]): Promise<void> {
    this.record(
      'restore',
      lines.map((line) => line.productId),
    );
    // Hidden products too; unknown ids match no row.
    for (const line of inIdOrder(lines)) {
      const product = this.products.get(line.productId);
      if (product)
        this.products.set(line.productId, { ...product, stock: product.stock + line.quantity });
    }
  }

  private record(method: StockCall['method'], productIds: readonly string[]): void {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined)
      throw new Error(`ProductStock.${method} must run inside UnitOfWork.run`);
    this.calls.push({ method, productIds: [...productIds], transaction });
  }

  private required(id: string): StockedProduct {
    const product = this.products.get(id);
    if (!product) throw new Error(`no product ${id} seeded`);
    return product;
  }
}

function inIdOrder(lines: readonly StockLine[]): StockLine[] {
  return [...lines].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
}
