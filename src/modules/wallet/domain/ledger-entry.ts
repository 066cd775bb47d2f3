import { WalletTransactionType } from './wallet-transaction-type';

/**
 * One append-only ledger row, as stored. `amount` is always positive: the
 * type says which account moved (won or points, hence a plain number) and in
 * which direction; `balanceAfter` is the balance in won (the wallet keeps it
 * as Money). `balanceAfter`/`pointsAfter`
 * are the wallet's state right after this row.
 */
export interface LedgerEntry {
  readonly id: string;
  readonly userId: string;
  readonly type: WalletTransactionType;
  readonly amount: number;
  readonly balanceAfter: number;
  readonly pointsAfter: number;
  readonly orderId: string | null;
  /** The approved return a REFUND / POINTS_RESTORED / POINTS_REVOKED row settles; null otherwise. */
  readonly returnId: string | null;
  readonly at: Date;
}
