import { Injectable } from '@nestjs/common';
import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { MemberKeyVault } from '../../../../platform/crypto/member-key-vault';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { OrderRepository } from '../../application/ports/order.repository.port';
import { Order } from '../../domain/order.aggregate';
import {
  OrderLineRow,
  OrderRow,
  OrderWithAddressRow,
  shippingAddressOf,
  shippingAddressSql,
  toOrder,
} from './order.rows';
import { OrderShippingAddressPersistenceMapper } from './order-shipping-address.persistence-mapper';

/**
 * Orders in SQL on the primary: one INSERT for the order, one for all its
 * lines and one for its sealed address copy.
 */
@Injectable()
export class TypeOrmOrderRepository extends OrderRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly vault: MemberKeyVault,
    private readonly cipher: FieldCipher,
  ) {
    super();
  }

  async add(order: Order): Promise<void> {
    const sql = this.transaction.sql();
    await sql.query(
      `INSERT INTO orders (id, user_id, status, subtotal, discount, points_used, paid_amount, points_earned, user_coupon_id, created_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        order.id,
        order.userId,
        order.status,
        order.subtotal.won,
        order.discount.won,
        order.pointsUsed,
        order.paidAmount.won,
        order.pointsEarned,
        order.userCouponId,
        order.createdAt,
        order.cancelledAt,
      ],
    );
    await sql.query(
      `INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, line_total) VALUES ${order.lines.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
      order.lines.flatMap((line) => [
        order.id,
        line.productId,
        line.name,
        line.unitPrice.won,
        line.quantity,
        line.lineTotal.won,
      ]),
    );
  }

  async addShippingAddress(order: Order): Promise<void> {
    if (!order.shippingAddress) return;
    const secret = await this.vault.ensure(order.userId, order.createdAt);
    // Only an erased member has no secret, and an erased member cannot log in to order.
    if (!secret) throw new Error(`no member key for user ${order.userId}`);
    const sealed = OrderShippingAddressPersistenceMapper.sealed(
      this.cipher,
      secret,
      order.id,
      order.shippingAddress,
    );
    await this.transaction
      .sql()
      .query(
        'INSERT INTO order_shipping_addresses (order_id, recipient, phone, postal_code, line1, line2) VALUES (?, ?, ?, ?, ?, ?)',
        [order.id, sealed.recipient, sealed.phone, sealed.postal_code, sealed.line1, sealed.line2],
      );
  }

  async findForUpdate(id: string): Promise<Order | null> {
    const sql = this.transaction.sql();
    const [row] = (await sql.query('SELECT * FROM orders WHERE id = ? FOR UPDATE', [
      id,
    ])) as OrderRow[];
    if (!row) return null;
    const lines = (await sql.query(
      'SELECT * FROM order_lines WHERE order_id = ? ORDER BY product_id',
      [id],
    )) as OrderLineRow[];
    // A plain read: the address copy never changes, and the vault row must not be locked.
    const address = shippingAddressSql(this.vault.keysTable);
    const [copy] = (await sql.query(
      `SELECT o.id, ${address.columns} FROM orders o ${address.joins} WHERE o.id = ?`,
      [id],
    )) as OrderWithAddressRow[];
    return toOrder(row, lines, copy ? shippingAddressOf(this.cipher, copy) : null);
  }

  async saveStatus(order: Order): Promise<void> {
    await this.transaction.sql().query(
      `UPDATE orders SET status = ?, cancelled_at = ?, carrier = ?, tracking_number = ?, shipped_at = ?, delivered_at = ?
          WHERE id = ?`,
      [
        order.status,
        order.cancelledAt,
        order.shipping?.carrier ?? null,
        order.shipping?.trackingNumber ?? null,
        order.shipping?.shippedAt ?? null,
        order.shipping?.deliveredAt ?? null,
        order.id,
      ],
    );
  }
}
