import { Shipment } from '../../domain/shipment.aggregate';

/** Shipments on the write side (primary, current UnitOfWork). */
export abstract class ShipmentRepository {
  /** Inserts the shipment unless its order already has one; true when inserted. */
  abstract addIfAbsent(shipment: Shipment): Promise<boolean>;

  /** The shipment with its row locked until the transaction ends; null if none. */
  abstract findForUpdate(id: string): Promise<Shipment | null>;

  /** The shipment of an order, row locked; null if the order has none yet. */
  abstract findByOrderForUpdate(orderId: string): Promise<Shipment | null>;

  /** Persists status, parcel and times. */
  abstract save(shipment: Shipment): Promise<void>;
}
