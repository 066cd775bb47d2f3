import { Query } from '@nestjs/cqrs';
import { ShipmentStatus } from '../../../domain/shipment-status';
import { ShipmentPageView } from './shipment-page.view';

export class ListShipmentsQuery extends Query<ShipmentPageView> {
  constructor(
    readonly status: ShipmentStatus | undefined,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
