import { Money } from '../../../../shared/kernel/money';

export interface WalletPayment {
  readonly userId: string;
  readonly orderId: string;
  readonly amount: Money;
  readonly pointsUsed: number;
  readonly pointsEarned: number;
  readonly at: Date;
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
}
