import { ShipmentView } from './shipment.view';

export interface ShipmentPageView {
  readonly items: readonly ShipmentView[];
  readonly nextCursor: string | null;
}
