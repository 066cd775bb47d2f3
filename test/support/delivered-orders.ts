import { randomUUID } from 'node:crypto';
import { Customer } from './customers';
import { Db } from './db';

/**
 * One DELIVERED order of one line (quantity 1) per customer, written with SQL
 * as placing, shipping and delivering would leave the rows, for suites that
 * need many verified buyers at once (200 placements and deliveries through
 * the API and the worker would take minutes). Returns the order ids in the
 * order of `customers`. Stock and wallets are not touched.
 */
export async function insertDeliveredOrders(
  customers: readonly Customer[],
  productId: string,
  unitPrice = 1_000,
): Promise<string[]> {
  const now = new Date();
  const orders = customers.map((customer) => ({ id: randomUUID(), userId: customer.id }));
  for (let i = 0; i < orders.length; i += 500) {
    const batch = orders.slice(i, i + 500);
    await Db.primary().query(
      `INSERT INTO orders (id, user_id, status, subtotal, discount, points_used, paid_amount, points_earned,
                           created_at, carrier, tracking_number, shipped_at, delivered_at)
       VALUES ${batch.map(() => "(?, ?, 'DELIVERED', ?, 0, 0, ?, 0, ?, 'CJ Logistics', 'TRK-FIXTURE', ?, ?)").join(', ')}`,
      batch.flatMap((order) => [order.id, order.userId, unitPrice, unitPrice, now, now, now]),
    );
    await Db.primary().query(
      `INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, line_total)
       VALUES ${batch.map(() => "(?, ?, 'Fixture line', ?, 1, ?)").join(', ')}`,
      batch.flatMap((order) => [order.id, productId, unitPrice, unitPrice]),
    );
  }
  return orders.map((order) => order.id);
}
