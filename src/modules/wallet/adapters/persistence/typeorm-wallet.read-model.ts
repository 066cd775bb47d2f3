import { Injectable } from '@nestjs/common';
import { ReadDatabase } from '../../../../platform/database/read-database';
import { IdCursor } from '../../../../shared/kernel/id-cursor';
import { WalletReadModel } from '../../application/ports/wallet.read-model.port';
import { WalletView } from '../../application/queries/get-wallet/wallet.view';
import {
  WalletTransactionPage,
  WalletTransactionView,
} from '../../application/queries/list-wallet-transactions/wallet-transaction.view';
import { WalletTransactionType } from '../../domain/wallet-transaction-type';

interface BalanceRow {
  balance: number | string;
  points: number | string;
}

interface LedgerRow {
  id: string;
  type: WalletTransactionType;
  amount: number | string;
  balance_after: number | string;
  points_after: number | string;
  order_id: string | null;
  created_at: Date;
}

/**
 * Wallets as seen by queries: replica SQL, routed to the primary for the
 * caller's own recent writes. The ledger is listed newest first by its
 * UUIDv7 id with the (user_id, id) index; the cursor is the last id, base64url.
 */
@Injectable()
export class TypeOrmWalletReadModel extends WalletReadModel {
  constructor(private readonly database: ReadDatabase) {
    super();
  }

  async findByUser(userId: string): Promise<WalletView> {
    const [row] = await this.database.query<BalanceRow>(
      'SELECT balance, points FROM wallets WHERE user_id = ?',
      [userId],
    );
    return row
      ? { balance: Number(row.balance), points: Number(row.points) }
      : { balance: 0, points: 0 };
  }

  async listTransactions(
    userId: string,
    limit: number,
    cursor?: string,
  ): Promise<WalletTransactionPage> {
    const after = cursor === undefined ? undefined : IdCursor.decode(cursor);
    const rows = await this.database.query<LedgerRow>(
      `SELECT id, type, amount, balance_after, points_after, order_id, created_at
         FROM wallet_transactions
        WHERE user_id = ?${after === undefined ? '' : ' AND id < ?'}
        ORDER BY id DESC
        LIMIT ?`,
      after === undefined ? [userId, limit + 1] : [userId, after, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => TypeOrmWalletReadModel.toView(row)),
      nextCursor: rows.length > limit && last ? IdCursor.encode(last.id) : null,
    };
  }

  private static toView(row: LedgerRow): WalletTransactionView {
    return {
      id: row.id,
      type: row.type,
      amount: Number(row.amount),
      balanceAfter: Number(row.balance_after),
      pointsAfter: Number(row.points_after),
      ...(row.order_id === null ? {} : { orderId: row.order_id }),
      createdAt: new Date(row.created_at).toISOString(),
    };
  }
}
