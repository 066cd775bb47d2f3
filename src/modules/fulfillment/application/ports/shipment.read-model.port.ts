import { ShipmentStatus } from '../../domain/shipment-status';
import { ShipmentView } from '../queries/list-shipments/shipment.view';

/** Read side of shipments (replicas). */
export abstract class ShipmentReadModel {
  /** Shipments oldest first (the warehouse's work order), optionally of one status, after the id `afterId` (keyset). */
  abstract list(
    status: ShipmentStatus | undefined,
    limit: number,
    afterId?: string,
  ): Promise<ShipmentView[]>;
}
