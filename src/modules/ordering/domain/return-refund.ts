import { Money } from '../../../shared/kernel/money';

/** What an order took and gave when it was paid (the base of every return's share). */
export interface OrderPayment {
  /** Sum of the lines at their order unit prices. */
  readonly subtotal: Money;
  /** Money paid from the wallet (after coupon discount and points). */
  readonly paidAmount: Money;
  readonly pointsUsed: number;
  readonly pointsEarned: number;
}

/**
 * What earlier approved returns of the order settled, as the rule computed it
 * ("due" amounts: a refund withheld for spent points counts as settled).
 */
export interface ReturnsSettled {
  /** Value of the lines already returned, at order unit prices. */
  readonly returnedValue: Money;
  readonly refundDue: Money;
  readonly pointsRestoreDue: number;
  readonly pointsRevokeDue: number;
}

/** One approval's share. */
export interface ReturnShare {
  readonly refund: Money;
  readonly pointsToRestore: number;
  readonly pointsToRevoke: number;
}

/**
 * The refund rule of returns (docs/ordering.md, ADR 0050): cumulative and
 * proportional to the returned value. After approvals whose lines are worth R
 * (at order unit prices) of the subtotal S, the total refunded is
 * floor(paidAmount × R / S); each approval gets that minus what earlier ones
 * got. Used points (restored) and earned points (revoked) follow the same
 * rule. So the refunds never add up to more than was paid, and returning
 * everything refunds exactly paidAmount, whatever the coupon and the order
 * of the returns. Products are exact (BigInt): paidAmount × R may pass 2^53.
 */
export const ReturnRefund = {
  /** Cumulative `total × part / whole`, rounded down (0 for an empty whole). */
  cumulative(total: number, part: Money, whole: Money): number {
    if (whole.isZero()) return 0;
    return Number((BigInt(total) * BigInt(part.won)) / BigInt(whole.won));
  },

  /** The share of an approval returning `returnedValue` more, after `settled`. */
  share(payment: OrderPayment, settled: ReturnsSettled, returnedValue: Money): ReturnShare {
    const after = settled.returnedValue.plus(returnedValue);
    if (after.isGreaterThan(payment.subtotal))
      throw new RangeError(
        `returns worth ${after.won} won exceed the subtotal ${payment.subtotal.won}`,
      );
    const due = (total: number, before: number): number =>
      ReturnRefund.cumulative(total, after, payment.subtotal) - before;
    return {
      refund: Money.won(due(payment.paidAmount.won, settled.refundDue.won)),
      pointsToRestore: due(payment.pointsUsed, settled.pointsRestoreDue),
      pointsToRevoke: due(payment.pointsEarned, settled.pointsRevokeDue),
    };
  },
};
