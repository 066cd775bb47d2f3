import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface ShipmentShippedPayload {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: string;
}

/**
 * The warehouse handed an order's parcel to a carrier.
 *
 * Published contract (docs/adr/0029): changing the payload incompatibly means
 * a new TYPE version, not an edit.
 */
export class ShipmentShipped extends DomainEvent<ShipmentShippedPayload> {
  static readonly TYPE = 'fulfillment.shipment-shipped.v1';
  readonly type = ShipmentShipped.TYPE;
  readonly aggregateType = 'shipment';

  constructor(payload: ShipmentShippedPayload, occurredAt: Date) {
    super(payload.shipmentId, payload, occurredAt);
  }
}
