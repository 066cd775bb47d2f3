import { Money } from '../../../shared/kernel/money';
import { ReturnApproved } from '../application/events/return-approved.integration-event';
import { ReturnRejected } from '../application/events/return-rejected.integration-event';
import { OrderReturn } from './order-return.aggregate';
import { ReturnAlreadyDecidedError } from './return-already-decided.error';

const NOW = new Date('2025-03-12T10:00:00.000Z');
const requested = () =>
  OrderReturn.request({
    id: 'r-1',
    orderId: 'o-1',
    userId: 'u-1',
    lines: [{ productId: 'p-1', quantity: 2, unitPrice: Money.won(1_000) }],
    reason: 'Broken',
    estimatedRefund: Money.won(1_800),
    now: NOW,
  });
const settlement = {
  refund: Money.won(1_800),
  pointsRestored: 0,
  pointsRevoked: 0,
  pointsShortfall: 0,
};

describe(OrderReturn.name, () => {
  it('REQUESTED → REJECTED: refund 0, not approved, one ReturnRejected', () => {
    const sut = requested();

    expect(sut.reject(NOW)).toBe(true);

    expect(sut.status).toBe('REJECTED');
    expect(sut.refundAmount.won).toBe(0);
    expect(sut.approvedAt).toBeNull();
    const events = sut.pullEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toBeInstanceOf(ReturnRejected);
    expect(events[0]!.payload).toEqual({
      returnId: 'r-1',
      orderId: 'o-1',
      userId: 'u-1',
      lines: [{ productId: 'p-1', quantity: 2 }],
      rejectedAt: NOW.toISOString(),
    });
  });

  it('REJECTED → reject again: false, nothing recorded', () => {
    const sut = requested();
    sut.reject(NOW);
    sut.pullEvents();

    expect(sut.reject(NOW)).toBe(false);

    expect(sut.status).toBe('REJECTED');
    expect(sut.pullEvents()).toEqual([]);
  });

  it('APPROVED → reject: RETURN_ALREADY_DECIDED, still APPROVED', () => {
    const sut = requested();
    sut.approve(settlement, NOW, NOW);
    sut.pullEvents();

    expect(() => sut.reject(NOW)).toThrow(ReturnAlreadyDecidedError);
    expect(sut.status).toBe('APPROVED');
    expect(sut.pullEvents()).toEqual([]);
  });

  it('REJECTED → approve: RETURN_ALREADY_DECIDED, nothing settled', () => {
    const sut = requested();
    sut.reject(NOW);
    sut.pullEvents();

    expect(() => sut.approve(settlement, NOW, NOW)).toThrow(ReturnAlreadyDecidedError);
    expect(sut.status).toBe('REJECTED');
    expect(sut.refundAmount.won).toBe(0);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('REQUESTED → APPROVED records ReturnApproved', () => {
    const sut = requested();
    sut.approve(settlement, NOW, NOW);
    expect(sut.pullEvents().map((event) => event.constructor)).toEqual([ReturnApproved]);
  });
});
