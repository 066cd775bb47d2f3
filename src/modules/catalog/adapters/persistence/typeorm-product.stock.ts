import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { Money } from '../../../../shared/kernel/money';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CatalogCache } from '../../application/ports/catalog-cache.port';
import {
  ProductSnapshot,
  ProductStock,
  StockLine,
} from '../../application/ports/product-stock.port';
import { InsufficientStockError } from '../../domain/insufficient-stock.error';
import { ProductUnavailableError } from '../../domain/product-unavailable.error';
import { isCheckConstraintError } from '../../../../platform/database/mysql-errors';

@Injectable()
export class TypeOrmProductStock extends ProductStock {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly unitOfWork: UnitOfWork,
    private readonly cache: CatalogCache,
  ) {
    super();
  }

  async snapshots(lines: readonly StockLine[]): Promise<ProductSnapshot[]> {
    if (lines.length === 0) return [];
    const rows = (await this.transaction.sql().query(
      `SELECT id, name, price, stock, status FROM products WHERE id IN (${lines.map(() => '?').join(', ')})`,
      lines.map((line) => line.productId),
    )) as Array<{
      id: string;
      name: string;
      price: number;
      stock: number;
      status: string;
    }>;
    const byId = new Map(rows.map((row) => [row.id, row]));
    return lines.map(({ productId, quantity }) => {
      const row = byId.get(productId);
      if (!row || row.status !== 'ACTIVE') throw new ProductUnavailableError(productId);
      if (Number(row.stock) < quantity) throw new InsufficientStockError(productId);
      return { productId, name: row.name, unitPrice: Money.won(Number(row.price)) };
    });
  }

  /**
   * One conditional UPDATE for a single line. For several lines, one UPDATE
   * for all of them (one round trip instead of one per line): rows are
   * locked in primary-key order as before, and the CHECK on products.stock
   * fails the whole statement when any ACTIVE line is short, so nothing is
   * taken and the locked rows tell which line failed first in id order, as
   * the line-by-line statements did (INSUFFICIENT_STOCK or PRODUCT_UNAVAILABLE).
   */
  async take(lines: readonly StockLine[]): Promise<void> {
    const sql = this.transaction.sql();
    const ordered = inIdOrder(lines);
    if (ordered.length === 1) {
      const [line] = ordered as [StockLine];
      const result = (await sql.query(
        "UPDATE products SET stock = stock - ? WHERE id = ? AND status = 'ACTIVE' AND stock >= ?",
        [line.quantity, line.productId, line.quantity],
      )) as { affectedRows: number };
      if (result.affectedRows !== 1) throw await this.shortfall(ordered, false);
    } else if (ordered.length > 1) {
      let result: { affectedRows: number };
      try {
        result = (await sql.query(
          `UPDATE products SET stock = stock - CASE id ${ordered.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE id IN (${ordered.map(() => '?').join(', ')}) AND status = 'ACTIVE'`,
          [
            ...ordered.flatMap((line) => [line.productId, line.quantity]),
            ...ordered.map((line) => line.productId),
          ],
        )) as { affectedRows: number };
      } catch (error) {
        // A line short of stock: the statement took nothing.
        if (isCheckConstraintError(error)) throw await this.shortfall(ordered, true, error);
        throw error;
      }
      // Every ACTIVE line was taken; the others are missing or not ACTIVE.
      if (result.affectedRows !== ordered.length) throw await this.shortfall(ordered, false);
    }
    this.evictAfterCommit(lines);
  }

  /**
   * The error of the first line, in id order, that cannot be taken. `untouched`:
   * the failed statement changed no row, so stock can be compared; otherwise
   * the ACTIVE lines were taken and only the status tells.
   */
  private async shortfall(
    ordered: readonly StockLine[],
    untouched: boolean,
    cause?: unknown,
  ): Promise<Error> {
    const rows = (await this.transaction.sql().query(
      `SELECT id, status, stock FROM products WHERE id IN (${ordered.map(() => '?').join(', ')})`,
      ordered.map((line) => line.productId),
    )) as Array<{ id: string; status: string; stock: number }>;
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const line of ordered) {
      const row = byId.get(line.productId);
      if (row?.status !== 'ACTIVE') return new ProductUnavailableError(line.productId);
      if (untouched && Number(row.stock) < line.quantity)
        return new InsufficientStockError(line.productId);
    }
    // One line, ACTIVE but not taken: short of stock (the statement's own condition).
    if (ordered.length === 1) return new InsufficientStockError(ordered[0]!.productId);
    return cause instanceof Error ? cause : new Error('stock could not be taken');
  }

  async restore(lines: readonly StockLine[]): Promise<void> {
    const sql = this.transaction.sql();
    for (const line of inIdOrder(lines)) {
      await sql.query('UPDATE products SET stock = stock + ? WHERE id = ?', [
        line.quantity,
        line.productId,
      ]);
    }
    this.evictAfterCommit(lines);
  }

  private evictAfterCommit(lines: readonly StockLine[]): void {
    const ids = lines.map((line) => line.productId);
    this.unitOfWork.afterCommit(() => this.cache.stockChanged(ids));
  }
}

/** Row locks are always taken in primary-key order (see ProductStock.take). */
function inIdOrder(lines: readonly StockLine[]): StockLine[] {
  return [...lines].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
}
