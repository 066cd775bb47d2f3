import { DomainError } from '../../../shared/kernel/domain-error';

/** The shipment (or its order) is in a state that does not allow this move. */
export class ShipmentNotShippableError extends DomainError {
  readonly code = 'SHIPMENT_NOT_SHIPPABLE';

  constructor(shipmentId: string, reason: string) {
    super(`Shipment ${shipmentId} ${reason}`);
  }
}
