import { ShipmentView } from '../queries/list-shipments/shipment.view';

/** The shipment after a move, and whether it moved (false: a repeat that changed nothing). */
export interface ShipmentMove {
  readonly shipment: ShipmentView;
  readonly moved: boolean;
}
