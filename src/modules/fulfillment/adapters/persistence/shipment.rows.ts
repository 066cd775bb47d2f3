import { Shipment } from '../../domain/shipment.aggregate';
import { ShipmentStatus } from '../../domain/shipment-status';

export interface ShipmentRow {
  id: string;
  order_id: string;
  user_id: string;
  status: ShipmentStatus;
  carrier: string | null;
  tracking_number: string | null;
  created_at: Date;
  shipped_at: Date | null;
  delivered_at: Date | null;
  cancelled_at: Date | null;
}

const date = (value: Date | null): Date | null => (value ? new Date(value) : null);

/** A `shipments` row as the aggregate. */
export function toShipment(row: ShipmentRow): Shipment {
  return Shipment.rehydrate({
    id: row.id,
    orderId: row.order_id,
    userId: row.user_id,
    status: row.status,
    parcel:
      row.carrier !== null && row.tracking_number !== null
        ? { carrier: row.carrier, trackingNumber: row.tracking_number }
        : null,
    createdAt: new Date(row.created_at),
    shippedAt: date(row.shipped_at),
    deliveredAt: date(row.delivered_at),
    cancelledAt: date(row.cancelled_at),
  });
}
