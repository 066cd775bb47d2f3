import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Shipment, ShipmentProps } from '../../domain/shipment.aggregate';
import { ShipmentRepository } from '../ports/shipment.repository.port';

/** Shipments as plain rows (unique order id), rolled back with the fake transaction. */
export class InMemoryShipmentRepository extends ShipmentRepository {
  private rows = new Map<string, ShipmentProps>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.rows);
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  all(): ShipmentProps[] {
    return [...this.rows.values()];
  }

  addIfAbsent(shipment: Shipment): Promise<boolean> {
    this.inTransaction('addIfAbsent');
    if ([...this.rows.values()].some((row) => row.orderId === shipment.orderId))
      return Promise.resolve(false);
    this.rows.set(shipment.id, propsOf(shipment));
    return Promise.resolve(true);
  }

  findForUpdate(id: string): Promise<Shipment | null> {
    this.inTransaction('findForUpdate');
    const row = this.rows.get(id);
    return Promise.resolve(row ? Shipment.rehydrate(row) : null);
  }

  findByOrderForUpdate(orderId: string): Promise<Shipment | null> {
    this.inTransaction('findByOrderForUpdate');
    const row = [...this.rows.values()].find((r) => r.orderId === orderId);
    return Promise.resolve(row ? Shipment.rehydrate(row) : null);
  }

  save(shipment: Shipment): Promise<void> {
    this.inTransaction('save');
    if (this.rows.has(shipment.id)) this.rows.set(shipment.id, propsOf(shipment));
    return Promise.resolve();
  }

  private inTransaction(method: string): void {
    if (this.unitOfWork.currentTransaction === undefined)
      throw new Error(`ShipmentRepository.${method} must run inside UnitOfWork.run`);
  }
}

function propsOf(shipment: Shipment): ShipmentProps {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    userId: shipment.userId,
    status: shipment.status,
    parcel: shipment.parcel,
    createdAt: shipment.createdAt,
    shippedAt: shipment.shippedAt,
    deliveredAt: shipment.deliveredAt,
    cancelledAt: shipment.cancelledAt,
  };
}
