import { EntityManager } from 'typeorm';
import { CartLine } from '../../application/ports/cart-contents.port';

/** SQL shared by the cart's write-side adapters. */
export const CartSql = {
  toLine(row: { product_id: string; quantity: number | string }): CartLine {
    return { productId: row.product_id, quantity: Number(row.quantity) };
  },

  async clear(manager: EntityManager, userId: string): Promise<void> {
    await manager.query('DELETE FROM cart_items WHERE user_id = ?', [userId]);
  },
};
