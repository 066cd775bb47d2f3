import { Money } from '../../../shared/kernel/money';
import { OrderPayment, ReturnRefund, ReturnsSettled } from './return-refund';

const NOTHING: ReturnsSettled = {
  returnedValue: Money.ZERO,
  refundDue: Money.ZERO,
  pointsRestoreDue: 0,
  pointsRevokeDue: 0,
};

/** Applies approvals in sequence, as the handler does, and returns each share. */
function approveAll(payment: OrderPayment, values: readonly number[]) {
  let settled = NOTHING;
  return values.map((value) => {
    const share = ReturnRefund.share(payment, settled, Money.won(value));
    settled = {
      returnedValue: settled.returnedValue.plus(Money.won(value)),
      refundDue: settled.refundDue.plus(share.refund),
      pointsRestoreDue: settled.pointsRestoreDue + share.pointsToRestore,
      pointsRevokeDue: settled.pointsRevokeDue + share.pointsToRevoke,
    };
    return share;
  });
}

const payment = (
  subtotal: number,
  paid: number,
  pointsUsed = 0,
  pointsEarned = 0,
): OrderPayment => ({
  subtotal: Money.won(subtotal),
  paidAmount: Money.won(paid),
  pointsUsed,
  pointsEarned,
});

describe('ReturnRefund', () => {
  it('refunds in proportion to the returned value, rounding down', () => {
    // 3 lines of 1,000 with a 1,000 coupon: 2,000 paid. One line back: floor(2000/3).
    const [share] = approveAll(payment(3_000, 2_000), [1_000]);

    expect(share!.refund.won).toBe(666);
  });

  it('gives the rounding back on the last approval: a full return in three parts refunds exactly what was paid', () => {
    const shares = approveAll(payment(3_000, 2_000, 0, 20), [1_000, 1_000, 1_000]);

    expect(shares.map((s) => s.refund.won)).toEqual([666, 667, 667]);
    expect(shares.map((s) => s.pointsToRevoke)).toEqual([6, 7, 7]);
  });

  it('refunds what was paid, not the list price, for a coupon and points order', () => {
    // subtotal 10,000, coupon 2,000, 1,000 points: 7,000 paid, 70 earned.
    const [share] = approveAll(payment(10_000, 7_000, 1_000, 70), [10_000]);

    expect(share).toEqual({ refund: Money.won(7_000), pointsToRestore: 1_000, pointsToRevoke: 70 });
  });

  it('refunds nothing for a free order and refuses returns worth more than the order', () => {
    expect(approveAll(payment(0, 0), [0])[0]!.refund.won).toBe(0);
    expect(() => approveAll(payment(1_000, 1_000), [600, 600])).toThrow(RangeError);
  });

  it('stays exact where paidAmount × returned value passes 2^53', () => {
    const big = 2 ** 40;
    const [share] = approveAll(payment(big, big - 1), [big - 3]);

    // floor((2^40 - 1)(2^40 - 3) / 2^40) = 2^40 - 4 (exact in BigInt, not in doubles).
    expect(share!.refund.won).toBe(big - 4);
  });

  describe('over 2,000 random orders and return sequences (seeded, reproducible)', () => {
    /** mulberry32: a small seeded generator (the domain imports no libraries, fast-check included). */
    const random = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
    };
    const int = (next: () => number, min: number, max: number) =>
      min + Math.floor(next() * (max - min + 1));

    /** An order of 1..8 lines (prices up to 2,000,000, quantities 1..100), a discount and points within what is due, and each unit assigned to one of up to 5 returns or kept (-1). */
    const scenarios = Array.from({ length: 2_000 }, (_, seed) => {
      const next = random(seed + 1);
      const lines = Array.from({ length: int(next, 1, 8) }, () => ({
        price: next() < 0.1 ? 0 : int(next, 1, 2_000_000),
        quantity: int(next, 1, 100),
      }));
      const units = lines.flatMap((l) => Array.from({ length: l.quantity }, () => l.price));
      const subtotal = units.reduce((a, b) => a + b, 0);
      const discount = int(next, 0, subtotal);
      const pointsUsed = int(next, 0, subtotal - discount);
      const paid = subtotal - discount - pointsUsed;
      const order = payment(subtotal, paid, pointsUsed, Math.floor(paid / 100));
      const assignment = units.map(() => int(next, -1, 4));
      const valuesOf = (assign: number[]) =>
        [0, 1, 2, 3, 4].map((r) =>
          units.reduce((sum, price, i) => sum + (assign[i] === r ? price : 0), 0),
        );
      return {
        seed,
        order,
        values: valuesOf(assignment),
        everything: valuesOf(assignment.map((r) => (r < 0 ? 0 : r))),
      };
    });

    it('never refunds more than was paid, and each cumulative total is floor(paid × R / S)', () => {
      for (const { order, values } of scenarios) {
        let refunded = 0;
        let value = 0;
        approveAll(order, values).forEach((share, i) => {
          refunded += share.refund.won;
          value += values[i]!;
          expect(share.refund.won).toBeGreaterThanOrEqual(0);
          expect(share.pointsToRestore).toBeGreaterThanOrEqual(0);
          expect(share.pointsToRevoke).toBeGreaterThanOrEqual(0);
          expect(refunded).toBe(
            order.subtotal.isZero()
              ? 0
              : Number((BigInt(order.paidAmount.won) * BigInt(value)) / BigInt(order.subtotal.won)),
          );
        });
        expect(refunded).toBeLessThanOrEqual(order.paidAmount.won);
      }
    });

    it('returning everything, in any parts, refunds exactly the paid amount and settles all points', () => {
      for (const { order, everything } of scenarios) {
        if (order.subtotal.isZero()) continue;
        const shares = approveAll(order, everything);
        const sum = (pick: (x: (typeof shares)[number]) => number) =>
          shares.reduce((a, x) => a + pick(x), 0);
        expect([
          sum((x) => x.refund.won),
          sum((x) => x.pointsToRestore),
          sum((x) => x.pointsToRevoke),
        ]).toEqual([order.paidAmount.won, order.pointsUsed, order.pointsEarned]);
      }
    });

    it('does not depend on how a returned value is split between approvals', () => {
      for (const { order, values } of scenarios) {
        const inParts = approveAll(order, values).reduce((a, x) => a + x.refund.won, 0);
        const atOnce = approveAll(order, [values.reduce((a, b) => a + b, 0)])[0]!.refund.won;
        expect(inParts).toBe(atOnce);
      }
    });
  });
});
