import { DomainEvent } from '../../../../shared/kernel/domain-event';

export interface ShipmentDeliveredPayload {
  readonly shipmentId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly deliveredAt: string;
}

/**
 * An order's parcel reached the customer (the return window starts).
 *
 * Published contract (docs/adr/0029): changing the payload incompatibly means
 * a new TYPE version, not an edit.
 */
export class ShipmentDelivered extends DomainEvent<ShipmentDeliveredPayload> {
  static readonly TYPE = 'fulfillment.shipment-delivered.v1';
  readonly type = ShipmentDelivered.TYPE;
  readonly aggregateType = 'shipment';

  constructor(payload: ShipmentDeliveredPayload, occurredAt: Date) {
    super(payload.shipmentId, payload, occurredAt);
  }
}
