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

  async take(lines: readonly StockLine[]): Promise<void> {
    const sql = this.transaction.sql();
    for (const line of inIdOrder(lines)) {
      const result = (await sql.query(
        "UPDATE products SET stock = stock - ? WHERE id = ? AND status = 'ACTIVE' AND stock >= ?",
        [line.quantity, line.productId, line.quantity],
      )) as { affectedRows: number };
      if (result.affectedRows === 1) continue;
      const [row] = (await sql.query('SELECT status FROM products WHERE id = ?', [
        line.productId,
      ])) as Array<{ status: string }>;
      throw row?.status === 'ACTIVE'
        ? new InsufficientStockError(line.productId)
        : new ProductUnavailableError(line.productId);
    }
    this.evictAfterCommit(lines);
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
