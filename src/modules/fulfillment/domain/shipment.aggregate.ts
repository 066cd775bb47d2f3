import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { ShipmentDelivered } from '../application/events/shipment-delivered.integration-event';
import { ShipmentShipped } from '../application/events/shipment-shipped.integration-event';
import { Parcel } from './parcel';
import { ShipmentNotShippableError } from './shipment-not-shippable.error';
import { ShipmentStatus } from './shipment-status';

export interface ShipmentProps {
  readonly id: string;
  readonly orderId: string;
  readonly userId: string;
  readonly status: ShipmentStatus;
  readonly parcel: Parcel | null;
  readonly createdAt: Date;
  readonly shippedAt: Date | null;
  readonly deliveredAt: Date | null;
  readonly cancelledAt: Date | null;
}

/**
 * The warehouse's work item for one order: READY → SHIPPED → DELIVERED, or
 * READY → CANCELLED with its order. Each move is idempotent: repeating it
 * (same parcel for `ship`) changes nothing and records no event.
 */
export class Shipment extends AggregateRoot {
  private constructor(private props: ShipmentProps) {
    super();
  }

  /** A READY shipment for a paid order. */
  static create(input: { id: string; orderId: string; userId: string; now: Date }): Shipment {
    return new Shipment({
      id: input.id,
      orderId: input.orderId,
      userId: input.userId,
      status: 'READY',
      parcel: null,
      createdAt: input.now,
      shippedAt: null,
      deliveredAt: null,
      cancelledAt: null,
    });
  }

  static rehydrate(props: ShipmentProps): Shipment {
    return new Shipment(props);
  }

  /**
   * READY → SHIPPED with the parcel; true when it moved. Shipping again with
   * the same parcel is a no-op (false); a cancelled shipment, or one already
   * shipped with another parcel, is SHIPMENT_NOT_SHIPPABLE.
   */
  ship(parcel: Parcel, now: Date): boolean {
    const { status } = this.props;
    if (status === 'SHIPPED' || status === 'DELIVERED') {
      const same =
        this.props.parcel?.carrier === parcel.carrier &&
        this.props.parcel?.trackingNumber === parcel.trackingNumber;
      if (same) return false;
      throw new ShipmentNotShippableError(this.id, `was already shipped with another parcel`);
    }
    if (status !== 'READY') throw new ShipmentNotShippableError(this.id, `is ${status}`);
    this.props = { ...this.props, status: 'SHIPPED', parcel, shippedAt: now };
    this.record(
      new ShipmentShipped(
        {
          shipmentId: this.id,
          orderId: this.orderId,
          userId: this.userId,
          carrier: parcel.carrier,
          trackingNumber: parcel.trackingNumber,
          shippedAt: now.toISOString(),
        },
        now,
      ),
    );
    return true;
  }

  /** SHIPPED → DELIVERED; true when it moved, false when already delivered; otherwise SHIPMENT_NOT_SHIPPABLE. */
  deliver(now: Date): boolean {
    const { status } = this.props;
    if (status === 'DELIVERED') return false;
    if (status !== 'SHIPPED')
      throw new ShipmentNotShippableError(
        this.id,
        `is ${status}: only a shipped parcel is delivered`,
      );
    this.props = { ...this.props, status: 'DELIVERED', deliveredAt: now };
    this.record(
      new ShipmentDelivered(
        {
          shipmentId: this.id,
          orderId: this.orderId,
          userId: this.userId,
          deliveredAt: now.toISOString(),
        },
        now,
      ),
    );
    return true;
  }

  /**
   * READY → CANCELLED when its order was cancelled; true when it moved. The
   * order decides (a shipped order cannot be cancelled), so any other state
   * is left alone.
   */
  cancel(now: Date): boolean {
    if (this.props.status !== 'READY') return false;
    this.props = { ...this.props, status: 'CANCELLED', cancelledAt: now };
    return true;
  }

  get id(): string {
    return this.props.id;
  }

  get orderId(): string {
    return this.props.orderId;
  }

  get userId(): string {
    return this.props.userId;
  }

  get status(): ShipmentStatus {
    return this.props.status;
  }

  get parcel(): Parcel | null {
    return this.props.parcel;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }

  get shippedAt(): Date | null {
    return this.props.shippedAt;
  }

  get deliveredAt(): Date | null {
    return this.props.deliveredAt;
  }

  get cancelledAt(): Date | null {
    return this.props.cancelledAt;
  }
}
