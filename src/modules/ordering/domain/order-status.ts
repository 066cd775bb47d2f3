/**
 * PAID on placement (payment is part of placing) → SHIPPED → DELIVERED with
 * the shipment; CANCELLED only from PAID, and final. After delivery, returns:
 * RETURN_REQUESTED while a return waits for approval, then RETURNED (all
 * lines back) or PARTIALLY_RETURNED (docs/ordering.md).
 */
export type OrderStatus =
  | 'PAID'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'CANCELLED'
  | 'RETURN_REQUESTED'
  | 'RETURNED'
  | 'PARTIALLY_RETURNED';
