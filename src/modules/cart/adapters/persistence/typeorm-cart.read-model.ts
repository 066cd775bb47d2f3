import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { CartLine } from '../../application/ports/cart-contents.port';
import { CartReadModel } from '../../application/ports/cart.read-model.port';

/** Cart lines as seen by queries: replica SQL, routed to the primary for read-your-writes. */
@Injectable()
export class TypeOrmCartReadModel extends CartReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async lines(userId: string): Promise<CartLine[]> {
    // At most 50 rows by primary-key prefix: sorting them needs no index.
    const rows = await this.database.query<{ product_id: string; quantity: number }>(
      'SELECT product_id, quantity FROM cart_items WHERE user_id = ? ORDER BY added_at, product_id',
      [userId],
    );
    return rows.map((row) => ({ productId: row.product_id, quantity: Number(row.quantity) }));
  }
}
