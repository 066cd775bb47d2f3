import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { DeliveredPurchases, PurchaseLine } from '../../application/ports/delivered-purchases.port';

/**
 * `delivered_at` is set by the delivery and never cleared (the return states
 * keep it; ck_orders_delivered ties it to a shipped order), so it says
 * "received" whatever the order's status moved to afterwards.
 */
@Injectable()
export class TypeOrmDeliveredPurchases extends DeliveredPurchases {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async received(line: PurchaseLine): Promise<boolean> {
    const rows = (await this.transaction.manager().query(
      `SELECT 1 AS found FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.id = ? AND o.user_id = ? AND o.delivered_at IS NOT NULL AND l.product_id = ?`,
      [line.orderId, line.userId, line.productId],
    )) as unknown[];
    return rows.length > 0;
  }
}
