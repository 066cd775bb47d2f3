import { Injectable } from '@nestjs/common';
import { IdGenerator } from '../../../../shared/kernel/id-generator.port';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { isCheckConstraintError } from '../../../../platform/database/mysql-errors';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import {
  ProductRepository,
  StockAdjustmentResult,
} from '../../application/ports/product.repository.port';
import { Product } from '../../domain/product.aggregate';
import { ProductOrmEntity } from './product.orm-entity';
import { ProductPersistenceMapper } from './product.persistence-mapper';

@Injectable()
export class TypeOrmProductRepository extends ProductRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly ids: IdGenerator,
  ) {
    super();
  }

  async add(product: Product): Promise<void> {
    const manager = this.transaction.manager();
    await manager.insert(ProductOrmEntity, ProductPersistenceMapper.toRow(product));
    // Its rating totals exist from the start: reviews only ever UPDATE them.
    await manager.query('INSERT INTO product_ratings (product_id) VALUES (?)', [product.id]);
  }

  async findForUpdate(id: string): Promise<Product | null> {
    const row = await this.transaction
      .manager()
      .findOne(ProductOrmEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return row ? ProductPersistenceMapper.toDomain(row) : null;
  }

  async save(product: Product): Promise<void> {
    await this.transaction.manager().update(
      ProductOrmEntity,
      { id: product.id },
      {
        name: product.name,
        description: product.description,
        price: product.price,
        stock: product.stock,
        categoryId: product.categoryId,
        status: product.status,
        updatedAt: product.updatedAt,
      },
    );
  }

  async adjustStock(
    id: string,
    delta: number,
    reason: string,
    at: Date,
  ): Promise<StockAdjustmentResult> {
    const manager = this.transaction.manager();
    let updated: { affectedRows: number };
    try {
      updated = (await manager.query(
        'UPDATE products SET stock = stock + ?, updated_at = ? WHERE id = ? AND stock + ? >= 0',
        [delta, at, id, delta],
      )) as { affectedRows: number };
    } catch (error) {
      if (isCheckConstraintError(error))
        throw new ValidationError([{ field: 'delta', message: 'stock would exceed its maximum' }]);
      throw error;
    }
    if (updated.affectedRows === 0) {
      const exists = (await manager.query('SELECT 1 AS found FROM products WHERE id = ?', [
        id,
      ])) as unknown[];
      return exists.length === 0 ? { outcome: 'not-found' } : { outcome: 'insufficient' };
    }
    // The row is locked by our UPDATE until commit: this read sees our result.
    const [row] = (await manager.query('SELECT stock FROM products WHERE id = ?', [id])) as Array<{
      stock: number;
    }>;
    const stock = Number(row?.stock);
    await manager.query(
      'INSERT INTO product_stock_adjustments (id, product_id, delta, reason, stock_after, created_at) VALUES (?, ?, ?, ?, ?, ?)',
      [this.ids.next(), id, delta, reason, stock, at],
    );
    return { outcome: 'adjusted', stock };
  }
}
