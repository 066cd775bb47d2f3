import { Injectable } from '@nestjs/common';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { ShipmentRepository } from '../../application/ports/shipment.repository.port';
import { Shipment } from '../../domain/shipment.aggregate';
import { ShipmentRow, toShipment } from './shipment.rows';

/** Shipments in SQL on the primary; the unique order id makes creation idempotent. */
@Injectable()
export class TypeOrmShipmentRepository extends ShipmentRepository {
  constructor(private readonly transaction: TransactionContext) {
    super();
  }

  async addIfAbsent(shipment: Shipment): Promise<boolean> {
    const result = (await this.transaction.manager().query(
      `INSERT IGNORE INTO shipments
         (id, order_id, user_id, status, carrier, tracking_number, created_at, shipped_at, delivered_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        shipment.id,
        shipment.orderId,
        shipment.userId,
        shipment.status,
        shipment.parcel?.carrier ?? null,
        shipment.parcel?.trackingNumber ?? null,
        shipment.createdAt,
        shipment.shippedAt,
        shipment.deliveredAt,
        shipment.cancelledAt,
      ],
    )) as { affectedRows: number };
    return result.affectedRows === 1;
  }

  findForUpdate(id: string): Promise<Shipment | null> {
    return this.lockOne('id', id);
  }

  findByOrderForUpdate(orderId: string): Promise<Shipment | null> {
    return this.lockOne('order_id', orderId);
  }

  async save(shipment: Shipment): Promise<void> {
    await this.transaction.manager().query(
      `UPDATE shipments
          SET status = ?, carrier = ?, tracking_number = ?, shipped_at = ?, delivered_at = ?, cancelled_at = ?
        WHERE id = ?`,
      [
        shipment.status,
        shipment.parcel?.carrier ?? null,
        shipment.parcel?.trackingNumber ?? null,
        shipment.shippedAt,
        shipment.deliveredAt,
        shipment.cancelledAt,
        shipment.id,
      ],
    );
  }

  private async lockOne(column: 'id' | 'order_id', value: string): Promise<Shipment | null> {
    const [row] = (await this.transaction
      .manager()
      .query(`SELECT * FROM shipments WHERE ${column} = ? FOR UPDATE`, [value])) as ShipmentRow[];
    return row ? toShipment(row) : null;
  }
}
