import { Shipment } from '../../domain/shipment.aggregate';
import { ShipmentView } from '../queries/list-shipments/shipment.view';

/** The view of a shipment; absent parcel and times are left out. */
export function toShipmentView(shipment: Shipment): ShipmentView {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    status: shipment.status,
    ...(shipment.parcel && {
      carrier: shipment.parcel.carrier,
      trackingNumber: shipment.parcel.trackingNumber,
    }),
    createdAt: shipment.createdAt.toISOString(),
    ...(shipment.shippedAt && { shippedAt: shipment.shippedAt.toISOString() }),
    ...(shipment.deliveredAt && { deliveredAt: shipment.deliveredAt.toISOString() }),
  };
}
