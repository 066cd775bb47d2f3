import { ShipmentStatus } from '../../../domain/shipment-status';

/** A shipment as the warehouse sees it (no personal data: the address is on the order). */
export interface ShipmentView {
  readonly id: string;
  readonly orderId: string;
  readonly status: ShipmentStatus;
  readonly carrier?: string;
  readonly trackingNumber?: string;
  readonly createdAt: string;
  readonly shippedAt?: string;
  readonly deliveredAt?: string;
}
