import { Money } from '../../../../shared/kernel/money';

export interface WalletPayment {
  readonly userId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly pointsUsed: number;
  readonly pointsEarned: number;
  readonly at: Date;
}

/** An approved return's share (ADR 0050), settled under the wallet lock. */
export interface WalletReturnRefund {
  readonly userId: string;
  readonly orderId: string;
  readonly returnId: string;
  readonly amount: Money;
  readonly pointsToRestore: number;
  readonly pointsToRevoke: number;
  readonly at: Date;
}

/** What the wallet moved for a return. */
export interface WalletReturnRefunded {
  readonly refunded: Money;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  /** Earned points no longer held, withheld from the refund (1 point = 1 won). */
  readonly pointsShortfall: number;
}

/**
 * Money movements of orders; runs inside the caller's UnitOfWork transaction.
 * `amount` is Money (won); points are non-negative integers (VALIDATION_FAILED otherwise). The ledger
 * accepts at most one row of each type per order (a unique key), so an order
 * is paid at most once and refunded at most once; a second call fails.
 */
export abstract class WalletPayments {
  /** Locks the user's wallet (creating it at 0/0 if missing), takes `pointsUsed` points (INSUFFICIENT_POINTS if fewer are held), debits `amount` (INSUFFICIENT_BALANCE if short), then credits `pointsEarned`; appends POINTS_USED / PAYMENT / POINTS_EARNED ledger rows (rows with a zero amount are skipped) referencing orderId. */
  abstract pay(payment: WalletPayment): Promise<void>;
  /** Reverses a payment: revokes `pointsEarned` (POINTS_ALREADY_SPENT if the user no longer holds them), restores `pointsUsed`, refunds `amount`; ledger rows POINTS_REVOKED / POINTS_RESTORED / REFUND. */
  abstract refund(payment: WalletPayment): Promise<void>;
  /**
   * Settles one approved return: restores `pointsToRestore`, revokes
   * `pointsToRevoke` from what is then held, refunds `amount` minus the
   * earned points no longer held (never below 0). Never refused for the
   * balance limit or spent points. Ledger rows carry `returnId`; a second
   * call for the same return fails on the unique key.
   */
  abstract refundReturn(refund: WalletReturnRefund): Promise<WalletReturnRefunded>;
}
