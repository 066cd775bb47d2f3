import { Money } from '../../../shared/kernel/money';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { OrderCancelled } from '../application/events/order-cancelled.integration-event';
import { OrderNotCancellableError } from './order-not-cancellable.error';
import { OrderPlaced } from '../application/events/order-placed.integration-event';
import { Order, OrderItem } from './order.aggregate';
import { PostalAddress } from '../../../shared/kernel/postal-address.value-object';
import { ReturnNotAllowedError } from './return-not-allowed.error';

const NOW = new Date('2025-03-10T12:00:00.000Z');

function validationErrorOf(work: () => unknown): ValidationError {
  try {
    work();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error('expected a ValidationError');
}

function items(count: number, quantity = 1): OrderItem[] {
  return Array.from({ length: count }, (_, i) => ({ productId: `p-${i + 1}`, quantity }));
}

type PlaceInput = Parameters<typeof Order.place>[0];
interface LineInput {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
}

/** An order placed from amounts written as numbers of won. */
function placed({
  discount = 0,
  lines = [
    { productId: 'p-1', name: 'Mug', unitPrice: 12_000, quantity: 2 },
    { productId: 'p-2', name: 'Tea', unitPrice: 3_500, quantity: 3 },
  ],
  ...overrides
}: Partial<Omit<PlaceInput, 'discount' | 'lines'>> & {
  discount?: number;
  lines?: LineInput[];
} = {}): Order {
  return Order.place({
    id: 'order-1',
    userId: 'user-1',
    pointsToUse: 0,
    userCouponId: null,
    shippingAddress: PostalAddress.create({
      recipient: 'Jane Doe',
      phone: '+821012345678',
      postalCode: '04524',
      line1: '110 Sejong-daero',
    }),
    now: NOW,
    ...overrides,
    lines: lines.map((line) => ({ ...line, unitPrice: Money.won(line.unitPrice) })),
    discount: Money.won(discount),
  });
}

describe(Order.name, () => {
  describe('validateItems', () => {
    it('accepts 1 and 50 distinct lines with quantities 1 and 100', () => {
      expect(() => Order.validateItems(items(1, 1))).not.toThrow();
      expect(() => Order.validateItems(items(50, 100))).not.toThrow();
    });

    it.each([0, 51])('rejects %i lines on `items`', (count) => {
      const error = validationErrorOf(() => Order.validateItems(items(count)));
      expect(error.errors).toEqual([{ field: 'items', message: 'an order has 1 to 50 lines' }]);
    });

    it('rejects a product that appears twice', () => {
      const error = validationErrorOf(() =>
        Order.validateItems([
          { productId: 'p-1', quantity: 1 },
          { productId: 'p-2', quantity: 1 },
          { productId: 'p-1', quantity: 2 },
        ]),
      );
      expect(error.errors).toEqual([
        { field: 'items', message: 'each product may appear only once' },
      ]);
    });

    it.each([0, 101, 1.5])('rejects quantity %p on the field of that line', (quantity) => {
      const error = validationErrorOf(() =>
        Order.validateItems([
          { productId: 'p-1', quantity: 1 },
          { productId: 'p-2', quantity },
        ]),
      );
      expect(error.errors.map((e) => e.field)).toEqual(['items.1.quantity']);
    });

    it('reports every bad field at once', () => {
      const error = validationErrorOf(() =>
        Order.validateItems([
          { productId: 'p-1', quantity: 0 },
          { productId: 'p-1', quantity: 101 },
        ]),
      );
      expect(error.errors.map((e) => e.field)).toEqual([
        'items',
        'items.0.quantity',
        'items.1.quantity',
      ]);
    });
  });

  describe('place', () => {
    it('computes line totals, subtotal and pays everything from the balance without a discount', () => {
      const sut = placed();

      expect(sut.status).toBe('PAID');
      expect(sut.lines.map((line) => line.lineTotal.won)).toEqual([24_000, 10_500]);
      expect(sut.subtotal.won).toBe(34_500);
      expect(sut.discount.won).toBe(0);
      expect(sut.pointsUsed).toBe(0);
      expect(sut.paidAmount.won).toBe(34_500);
      expect(sut.pointsEarned).toBe(345);
      expect(sut.createdAt).toEqual(NOW);
      expect(sut.cancelledAt).toBeNull();
    });

    it('subtracts discount and points, and earns floor(1%) of what is paid', () => {
      const sut = placed({ discount: 5_000, pointsToUse: 1_401, userCouponId: 'uc-1' });

      expect(sut.discount.won).toBe(5_000);
      expect(sut.pointsUsed).toBe(1_401);
      expect(sut.paidAmount.won).toBe(34_500 - 5_000 - 1_401);
      expect(sut.pointsEarned).toBe(280); // floor(28_099 / 100)
      expect(sut.userCouponId).toBe('uc-1');
    });

    it('clamps a discount larger than the subtotal, so nothing is paid and nothing earned', () => {
      const sut = placed({ discount: 50_000 });

      expect(sut.discount.won).toBe(34_500);
      expect(sut.paidAmount.won).toBe(0);
      expect(sut.pointsEarned).toBe(0);
    });

    it('accepts points covering exactly what is left to pay', () => {
      const sut = placed({ discount: 4_500, pointsToUse: 30_000 });

      expect(sut.paidAmount.won).toBe(0);
      expect(sut.pointsUsed).toBe(30_000);
    });

    it.each([30_001, -1, 1.5])('rejects pointsToUse %p on `pointsToUse`', (pointsToUse) => {
      const error = validationErrorOf(() => placed({ discount: 4_500, pointsToUse }));
      expect(error.errors.map((e) => e.field)).toEqual(['pointsToUse']);
    });

    it('validates the lines it is given', () => {
      const error = validationErrorOf(() =>
        placed({ lines: [{ productId: 'p-1', name: 'Mug', unitPrice: 100, quantity: 0 }] }),
      );
      expect(error.errors.map((e) => e.field)).toEqual(['items.0.quantity']);
    });

    it('records one OrderPlaced event with the lines', () => {
      const sut = placed({ discount: 1_000 });

      const events = sut.pullEvents();
      expect(events).toHaveLength(1);
      const event = events[0] as OrderPlaced;
      expect(event).toBeInstanceOf(OrderPlaced);
      expect(event.type).toBe('ordering.order-placed.v1');
      expect(event.aggregateId).toBe('order-1');
      expect(event.occurredAt).toEqual(NOW);
      expect(event.payload).toEqual({
        orderId: 'order-1',
        userId: 'user-1',
        lines: [
          { productId: 'p-1', name: 'Mug', quantity: 2, lineTotal: 24_000 },
          { productId: 'p-2', name: 'Tea', quantity: 3, lineTotal: 10_500 },
        ],
        paidAmount: 33_500,
        placedAt: NOW.toISOString(),
      });
      expect(sut.pullEvents()).toEqual([]);
    });
  });

  describe('cancel', () => {
    const later = new Date('2025-03-12T08:30:00.000Z');

    it('turns a PAID order CANCELLED and records OrderCancelled carrying placedAt', () => {
      const sut = placed({ discount: 500 });
      sut.pullEvents();

      sut.cancel(later);

      expect(sut.status).toBe('CANCELLED');
      expect(sut.cancelledAt).toEqual(later);
      const events = sut.pullEvents();
      expect(events).toHaveLength(1);
      const event = events[0] as OrderCancelled;
      expect(event).toBeInstanceOf(OrderCancelled);
      expect(event.occurredAt).toEqual(later);
      expect(event.payload).toEqual({
        orderId: 'order-1',
        userId: 'user-1',
        lines: [
          { productId: 'p-1', quantity: 2 },
          { productId: 'p-2', quantity: 3 },
        ],
        refundedAmount: 34_000,
        placedAt: NOW.toISOString(),
        cancelledAt: later.toISOString(),
      });
    });

    it('refuses a second cancellation with ORDER_NOT_CANCELLABLE and records nothing more', () => {
      const sut = placed();
      sut.cancel(later);
      sut.pullEvents();

      let thrown: unknown;
      try {
        sut.cancel(new Date(later.getTime() + 1_000));
      } catch (error) {
        thrown = error;
      }

      expect(thrown).toBeInstanceOf(OrderNotCancellableError);
      expect((thrown as OrderNotCancellableError).code).toBe('ORDER_NOT_CANCELLABLE');
      expect(sut.cancelledAt).toEqual(later);
      expect(sut.pullEvents()).toEqual([]);
    });

    it('cancels a rehydrated PAID order', () => {
      const original = placed();
      const sut = Order.rehydrate({
        id: original.id,
        userId: original.userId,
        status: 'PAID',
        lines: original.lines,
        subtotal: original.subtotal,
        discount: original.discount,
        pointsUsed: original.pointsUsed,
        paidAmount: original.paidAmount,
        pointsEarned: original.pointsEarned,
        userCouponId: null,
        createdAt: original.createdAt,
        shippingAddress: original.shippingAddress,
        cancelledAt: null,
        shipping: null,
      });

      sut.cancel(later);

      expect(sut.status).toBe('CANCELLED');
      expect((sut.pullEvents()[0] as OrderCancelled).payload.placedAt).toBe(NOW.toISOString());
    });
  });

  describe('requestReturn and settleReturn', () => {
    const DAY = 86_400_000;
    const deliveredAt = new Date(NOW.getTime() + DAY);
    const delivered = () => {
      const sut = placed();
      sut.ship({ carrier: 'CJ', trackingNumber: 'T-1' }, NOW);
      sut.deliver(deliveredAt);
      return sut;
    };
    const notAllowed = (work: () => unknown) => expect(work).toThrow(ReturnNotAllowedError);

    it('reserves the quantities with their order prices and moves the order to RETURN_REQUESTED', () => {
      const sut = delivered();

      const lines = sut.requestReturn([{ productId: 'p-2', quantity: 2 }], deliveredAt, 14);

      expect(lines).toEqual([{ productId: 'p-2', quantity: 2, unitPrice: Money.won(3_500) }]);
      expect(sut.status).toBe('RETURN_REQUESTED');
      expect(sut.lines.map((l) => l.returnedQuantity)).toEqual([0, 2]);
    });

    it('allows returns until the last millisecond of the window and not after', () => {
      const last = new Date(deliveredAt.getTime() + 14 * DAY);
      expect(() => delivered().requestReturn(items(1), last, 14)).not.toThrow();
      notAllowed(() => delivered().requestReturn(items(1), new Date(last.getTime() + 1), 14));
      notAllowed(() =>
        delivered().requestReturn(items(1), new Date(deliveredAt.getTime() + 2 * DAY), 1),
      );
    });

    it('refuses orders that were not delivered, unknown products and more than is left', () => {
      notAllowed(() => placed().requestReturn(items(1), NOW, 14));
      const sut = delivered();
      notAllowed(() => sut.requestReturn([{ productId: 'p-9', quantity: 1 }], deliveredAt, 14));
      sut.requestReturn([{ productId: 'p-1', quantity: 1 }], deliveredAt, 14);
      notAllowed(() => sut.requestReturn([{ productId: 'p-1', quantity: 2 }], deliveredAt, 14));
      expect(() =>
        sut.requestReturn([{ productId: 'p-1', quantity: 1 }], deliveredAt, 14),
      ).not.toThrow();
      expect(() => sut.requestReturn([{ productId: 'p-1', quantity: 0 }], deliveredAt, 14)).toThrow(
        ValidationError,
      );
    });

    it('settles to PARTIALLY_RETURNED, RETURN_REQUESTED while others wait, RETURNED when all is back', () => {
      const sut = delivered();
      sut.requestReturn([{ productId: 'p-1', quantity: 2 }], deliveredAt, 14);
      sut.settleReturn(new Map([['p-1', 2]]), false);
      expect(sut.status).toBe('PARTIALLY_RETURNED');
      sut.requestReturn([{ productId: 'p-2', quantity: 3 }], deliveredAt, 14);
      sut.settleReturn(new Map([['p-1', 2]]), true);
      expect(sut.status).toBe('RETURN_REQUESTED');
      sut.settleReturn(
        new Map([
          ['p-1', 2],
          ['p-2', 3],
        ]),
        false,
      );
      expect(sut.status).toBe('RETURNED');
      notAllowed(() => sut.requestReturn(items(1), deliveredAt, 14));
    });
  });
});
