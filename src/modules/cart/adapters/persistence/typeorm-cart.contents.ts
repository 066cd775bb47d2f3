import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { CartContents, CartLine } from '../../application/ports/cart-contents.port';
import { CartSql } from './cart.sql';

/**
 * The cart for checkout, in the caller's transaction. Takes the same per-user
 * cart row lock as cart changes first, then locks the lines: a concurrent PUT
 * (even of a new product, which no line lock could stop under READ COMMITTED)
 * waits until the checkout commits, so `clear` never removes a line that the
 * order did not include.
 */
@Injectable()
export class TypeOrmCartContents extends CartContents {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async linesForCheckout(userId: string): Promise<CartLine[]> {
    this.requireTransaction();
    const manager = this.transaction.manager();
    // No cart row means no lines: nothing to lock.
    await manager.query('SELECT user_id FROM carts WHERE user_id = ? FOR UPDATE', [userId]);
    const rows = (await manager.query(
      'SELECT product_id, quantity FROM cart_items WHERE user_id = ? ORDER BY product_id FOR UPDATE',
      [userId],
    )) as Array<{ product_id: string; quantity: number }>;
    return rows.map(CartSql.toLine);
  }

  async clear(userId: string): Promise<void> {
    this.requireTransaction();
    await CartSql.clear(this.transaction.manager(), userId);
  }

  private requireTransaction(): void {
    // Locks taken outside a transaction would end with the statement.
    if (!this.transaction.active()) throw new Error('CartContents must run inside UnitOfWork.run');
  }
}
