/** READY when created for a paid order; SHIPPED and DELIVERED by the warehouse; CANCELLED with its order. */
export type ShipmentStatus = 'READY' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';

export const SHIPMENT_STATUSES: readonly ShipmentStatus[] = [
  'READY',
  'SHIPPED',
  'DELIVERED',
  'CANCELLED',
];
