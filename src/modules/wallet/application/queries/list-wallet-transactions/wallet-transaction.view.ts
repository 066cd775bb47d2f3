import { WalletTransactionType } from '../../../domain/wallet-transaction-type';

/** One ledger row as a user sees it; `orderId` only on order movements. */
export interface WalletTransactionView {
  readonly id: string;
  readonly type: WalletTransactionType;
  readonly amount: number;
  readonly balanceAfter: number;
  readonly pointsAfter: number;
  readonly orderId?: string;
  readonly createdAt: string;
}

/** A page of the ledger, newest first. */
export interface WalletTransactionPage {
  readonly items: readonly WalletTransactionView[];
  readonly nextCursor: string | null;
}
