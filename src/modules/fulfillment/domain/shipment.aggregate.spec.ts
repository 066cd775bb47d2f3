import { ShipmentDelivered } from '../application/events/shipment-delivered.integration-event';
import { ShipmentShipped } from '../application/events/shipment-shipped.integration-event';
import { Shipment } from './shipment.aggregate';
import { ShipmentNotShippableError } from './shipment-not-shippable.error';

const T0 = new Date('2025-03-10T12:00:00.000Z');
const T1 = new Date('2025-03-11T09:00:00.000Z');
const T2 = new Date('2025-03-12T15:00:00.000Z');
const PARCEL = { carrier: 'CJ Logistics', trackingNumber: 'TRK-1' };

const ready = () => Shipment.create({ id: 's-1', orderId: 'o-1', userId: 'u-1', now: T0 });

describe(Shipment.name, () => {
  it('ships a READY shipment once, recording ShipmentShipped with the parcel', () => {
    const sut = ready();
    expect(sut.ship(PARCEL, T1)).toBe(true);
    expect(sut).toMatchObject({ status: 'SHIPPED', parcel: PARCEL, shippedAt: T1 });
    const [event] = sut.pullEvents();
    expect(event).toBeInstanceOf(ShipmentShipped);
    expect(event!.payload).toEqual({
      shipmentId: 's-1',
      orderId: 'o-1',
      userId: 'u-1',
      ...PARCEL,
      shippedAt: T1.toISOString(),
    });
    expect(sut.ship(PARCEL, T2)).toBe(false);
    expect(sut.shippedAt).toEqual(T1);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('refuses another parcel after shipping, and any ship after cancellation', () => {
    const shipped = ready();
    shipped.ship(PARCEL, T1);
    expect(() => shipped.ship({ ...PARCEL, trackingNumber: 'TRK-2' }, T2)).toThrow(
      ShipmentNotShippableError,
    );
    const cancelled = ready();
    expect(cancelled.cancel(T1)).toBe(true);
    expect(() => cancelled.ship(PARCEL, T2)).toThrow(
      expect.objectContaining({ code: 'SHIPMENT_NOT_SHIPPABLE' }),
    );
  });

  it('delivers a shipped parcel once; a READY or cancelled one is not deliverable', () => {
    const sut = ready();
    expect(() => sut.deliver(T1)).toThrow(ShipmentNotShippableError);
    sut.ship(PARCEL, T1);
    sut.pullEvents();
    expect(sut.deliver(T2)).toBe(true);
    expect(sut).toMatchObject({ status: 'DELIVERED', deliveredAt: T2 });
    expect(sut.pullEvents()[0]).toBeInstanceOf(ShipmentDelivered);
    expect(sut.deliver(T2)).toBe(false);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('cancels only a READY shipment; a shipped one stays shipped', () => {
    const shipped = ready();
    shipped.ship(PARCEL, T1);
    expect(shipped.cancel(T2)).toBe(false);
    expect(shipped.status).toBe('SHIPPED');
    const sut = ready();
    expect(sut.cancel(T1)).toBe(true);
    expect(sut.cancel(T2)).toBe(false);
    expect(sut.cancelledAt).toEqual(T1);
  });
});
