import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
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
    const where: string[] = [];
    const params: unknown[] = [];
    if (status) {
      where.push('status = ?');
      params.push(status);
    }
    if (afterId) {
      where.push('id > ?');
      params.push(afterId);
    }
    const rows = await this.database.query<ShipmentRow>(
      `SELECT * FROM shipments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`,
      [...params, limit],
    );
    return rows.map((row) => toShipmentView(toShipment(row)));
  }
}
