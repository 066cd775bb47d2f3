import { FieldCipher } from '../../../../platform/crypto/field-cipher';
import { PostalAddress } from '../../../../shared/kernel/postal-address.value-object';
import { Money } from '../../../../shared/kernel/money';
import { Order } from '../../domain/order.aggregate';
import { OrderStatus } from '../../domain/order-status';
import { OrderShippingAddressPersistenceMapper } from './order-shipping-address.persistence-mapper';

export interface OrderRow {
  id: string;
  user_id: string;
  status: OrderStatus;
  subtotal: number | string;
  discount: number | string;
  points_used: number | string;
  paid_amount: number | string;
  points_earned: number | string;
  user_coupon_id: string | null;
  created_at: Date;
  cancelled_at: Date | null;
  carrier: string | null;
  tracking_number: string | null;
  shipped_at: Date | null;
  delivered_at: Date | null;
}

/** An `orders` row joined (LEFT) with its sealed address copy and the owner's member secret. */
export interface OrderWithAddressRow extends OrderRow {
  ship_recipient: string | null;
  ship_phone: string | null;
  ship_postal_code: string | null;
  ship_line1: string | null;
  ship_line2: string | null;
  owner_secret: Buffer | null;
}

/** The columns and joins that add the address copy to `SELECT … FROM orders o`. */
export function shippingAddressSql(keysTable: string): { columns: string; joins: string } {
  return {
    columns: `s.recipient AS ship_recipient, s.phone AS ship_phone, s.postal_code AS ship_postal_code,
              s.line1 AS ship_line1, s.line2 AS ship_line2, k.secret AS owner_secret`,
    joins: `LEFT JOIN order_shipping_addresses s ON s.order_id = o.id
            LEFT JOIN ${keysTable} k ON k.user_id = o.user_id`,
  };
}

/** The decrypted address copy of a joined row (null: none, or the member was erased). */
export function shippingAddressOf(
  cipher: FieldCipher,
  row: OrderWithAddressRow,
): PostalAddress | null {
  return OrderShippingAddressPersistenceMapper.open(
    cipher,
    row.owner_secret ? Buffer.from(row.owner_secret) : null,
    row.id,
    {
      recipient: row.ship_recipient ?? undefined,
      phone: row.ship_phone ?? undefined,
      postal_code: row.ship_postal_code ?? undefined,
      line1: row.ship_line1 ?? undefined,
      line2: row.ship_line2,
    },
  );
}

export interface OrderLineRow {
  order_id: string;
  product_id: string;
  name: string;
  unit_price: number | string;
  quantity: number | string;
  line_total: number | string;
  /** Absent before the returns migration ran (a rolling deploy reads old rows). */
  returned_quantity?: number | string;
}

/** Rows of `orders`/`order_lines` (BIGINT columns may arrive as strings). */
export function toOrder(
  row: OrderRow,
  lines: readonly OrderLineRow[],
  shippingAddress: PostalAddress | null = null,
): Order {
  return Order.rehydrate({
    id: row.id,
    userId: row.user_id,
    status: row.status,
    lines: lines.map((line) => ({
      productId: line.product_id,
      name: line.name,
      unitPrice: Money.won(Number(line.unit_price)),
      quantity: Number(line.quantity),
      lineTotal: Money.won(Number(line.line_total)),
      returnedQuantity: Number(line.returned_quantity ?? 0),
    })),
    subtotal: Money.won(Number(row.subtotal)),
    discount: Money.won(Number(row.discount)),
    pointsUsed: Number(row.points_used),
    paidAmount: Money.won(Number(row.paid_amount)),
    pointsEarned: Number(row.points_earned),
    userCouponId: row.user_coupon_id,
    shippingAddress,
    createdAt: new Date(row.created_at),
    cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
    shipping:
      row.shipped_at && row.carrier !== null && row.tracking_number !== null
        ? {
            carrier: row.carrier,
            trackingNumber: row.tracking_number,
            shippedAt: new Date(row.shipped_at),
            deliveredAt: row.delivered_at ? new Date(row.delivered_at) : null,
          }
        : null,
  });
}
