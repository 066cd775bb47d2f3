import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { Clock } from '../../../../shared/kernel/clock.port';
import { CartRepository } from '../../application/ports/cart.repository.port';
import { Cart, CartItem } from '../../domain/cart.aggregate';
import { CartSql } from './cart.sql';

/** Cart lines on the primary, in the current UnitOfWork transaction. */
@Injectable()
export class TypeOrmCartRepository extends CartRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async lockForChange(userId: string): Promise<Cart> {
    this.requireTransaction();
    const manager = this.transaction.manager();
    // Creates the user's cart row on first use; either way its row lock is ours until commit.
    const now = this.clock.now();
    await manager.query(
      'INSERT INTO carts (user_id, created_at, updated_at) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE updated_at = ?',
      [userId, now, now, now],
    );
    // READ COMMITTED: sees every line committed by whoever held the lock before us.
    const rows = (await manager.query(
      'SELECT product_id, quantity FROM cart_items WHERE user_id = ?',
      [userId],
    )) as Array<{ product_id: string; quantity: number }>;
    return Cart.rehydrate({ userId, items: rows.map(CartSql.toLine) });
  }

  async saveLine(userId: string, item: CartItem, now: Date): Promise<void> {
    this.requireTransaction();
    // The quantity is passed twice rather than read back with VALUES(), which MySQL 8.4 deprecates.
    await this.transaction
      .manager()
      .query(
        'INSERT INTO cart_items (user_id, product_id, quantity, added_at, updated_at) VALUES (?, ?, ?, ?, ?) ' +
          'ON DUPLICATE KEY UPDATE quantity = ?, updated_at = ?',
        [userId, item.productId, item.quantity, now, now, item.quantity, now],
      );
  }

  async removeLine(userId: string, productId: string): Promise<void> {
    await this.transaction
      .manager()
      .query('DELETE FROM cart_items WHERE user_id = ? AND product_id = ?', [userId, productId]);
  }

  async clear(userId: string): Promise<void> {
    await CartSql.clear(this.transaction.manager(), userId);
  }

  private requireTransaction(): void {
    // Outside a transaction the lock would end with the statement.
    if (!this.transaction.active())
      throw new Error('CartRepository must run inside UnitOfWork.run');
  }
}
