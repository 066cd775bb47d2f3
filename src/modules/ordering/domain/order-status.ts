/**
 * PAID on placement (payment is part of placing) → SHIPPED → DELIVERED with
 * the shipment; CANCELLED only from PAID, and final (docs/ordering.md).
 */
export type OrderStatus = 'PAID' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';
