import { WalletView } from '../queries/get-wallet/wallet.view';
import { WalletTransactionPage } from '../queries/list-wallet-transactions/wallet-transaction.view';

/** Read side of wallets (replica, read-your-writes aware). */
export abstract class WalletReadModel {
  /** The user's balance and points; 0/0 when the user has no wallet yet. */
  abstract findByUser(userId: string): Promise<WalletView>;

  /**
   * The user's ledger, newest first, `limit` rows after `cursor` (an opaque
   * value from a previous page's `nextCursor`; VALIDATION_FAILED if malformed).
   */
  abstract listTransactions(
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<WalletTransactionPage>;
}
