import { Money } from '../../../../shared/kernel/money';
import { LedgerEntry } from '../../domain/ledger-entry';
import { Wallet } from '../../domain/wallet.aggregate';

/** A `wallets` row as mysql2 returns it (BIGINT may come back as a string). */
export interface WalletRow {
  user_id: string;
  balance: number | string;
  points: number | string;
  version: number | string;
}

/** Converts between wallet rows and the aggregate, and ledger entries into insert values. */
export const WalletPersistenceMapper = {
  toDomain(row: WalletRow): Wallet {
    return Wallet.rehydrate({
      userId: row.user_id,
      balance: Money.won(Number(row.balance)),
      points: Number(row.points),
      version: Number(row.version),
    });
  },

  /** Values for `INSERT INTO wallet_transactions (id, user_id, type, amount, balance_after, points_after, order_id, return_id, created_at)`. */
  toLedgerValues(entry: LedgerEntry): unknown[] {
    return [
      entry.id,
      entry.userId,
      entry.type,
      entry.amount,
      entry.balanceAfter,
      entry.pointsAfter,
      entry.orderId,
      entry.returnId,
      entry.at,
    ];
  },
};
