import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { UnitOfWork } from '../../../../shared/kernel/unit-of-work.port';
import { CatalogCache } from '../../application/ports/catalog-cache.port';
import { ProductRatings, RatingChange } from '../../application/ports/product-ratings.port';

/**
 * Rating totals in `product_ratings`, changed in the caller's transaction.
 * The row exists from the product's creation (or the migration's backfill);
 * a product written by SQL alone gets it on its first review.
 */
@Injectable()
export class TypeOrmProductRatings extends ProductRatings {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly unitOfWork: UnitOfWork,
    private readonly cache: CatalogCache,
  ) {
    super();
  }

  async add(productId: string, change: RatingChange): Promise<void> {
    if (change.sum === 0 && change.count === 0) return;
    const manager = this.transaction.manager();
    const result = (await manager.query(
      'UPDATE product_ratings SET rating_sum = rating_sum + ?, rating_count = rating_count + ? WHERE product_id = ?',
      [change.sum, change.count, productId],
    )) as { affectedRows: number };
    if (result.affectedRows === 0)
      await manager.query(
        `INSERT INTO product_ratings (product_id, rating_sum, rating_count) VALUES (?, ?, ?)
         ON DUPLICATE KEY UPDATE rating_sum = rating_sum + ?, rating_count = rating_count + ?`,
        [productId, change.sum, change.count, change.sum, change.count],
      );
    // The detail shows the rating; lists do not, so their version stays.
    this.unitOfWork.afterCommit(() => this.cache.stockChanged([productId]));
  }
}
