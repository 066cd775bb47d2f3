import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { statusPageQuery } from '../../../../platform/database/status-page-query';
import { ShipmentReadModel } from '../../application/ports/shipment.read-model.port';
import { ShipmentView } from '../../application/queries/list-shipments/shipment.view';
import { toShipmentView } from '../../application/services/shipment-view.mapper';
import { ShipmentStatus } from '../../domain/shipment-status';
import { ShipmentRow, toShipment } from './shipment.rows';

/** The work list on a replica, one index range: (status, id) or the primary key. */
@Injectable()
export class TypeOrmShipmentReadModel extends ShipmentReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async list(
    status: ShipmentStatus | undefined,
    limit: number,
    afterId?: string,
  ): Promise<ShipmentView[]> {
    const page = statusPageQuery('shipments', { status, afterId, limit });
    const rows = await this.database.query<ShipmentRow>(page.sql, page.parameters);
    return rows.map((row) => toShipmentView(toShipment(row)));
  }
}
