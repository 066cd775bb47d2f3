import { Injectable } from '@nestjs/common';
import { Clock } from '../../../../shared/kernel/clock.port';
import { SqlRunner } from '../../../../platform/database/keyset-batches';
import { TransactionContext } from '../../../../platform/database/transaction-context';
import { WalletRepository } from '../../application/ports/wallet.repository.port';
import { Wallet } from '../../domain/wallet.aggregate';
import { WalletPersistenceMapper, WalletRow } from './wallet.persistence-mapper';

const SELECT_FOR_UPDATE =
  'SELECT user_id, balance, points, version FROM wallets WHERE user_id = ? FOR UPDATE';

/**
 * Wallets on the primary inside the UnitOfWork's transaction. `lock` takes the
 * row's write lock (never FOR SHARE: MariaDB rejects TypeORM's syntax), so
 * every change of one wallet is serialised; `save` is additionally guarded by
 * the version read under that lock, and the CHECK constraints are the last word.
 */
@Injectable()
export class TypeOrmWalletRepository extends WalletRepository {
  constructor(
    private readonly transaction: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async lock(userId: string): Promise<Wallet> {
    const sql = this.sql();
    let rows = (await sql.query(SELECT_FOR_UPDATE, [userId])) as WalletRow[];
    if (rows.length === 0) {
      // ON DUPLICATE KEY UPDATE takes a write lock on a row a concurrent
      // transaction just created, where INSERT IGNORE would take a shared one
      // and two such waiters would deadlock on the FOR UPDATE that follows.
      const now = this.clock.now();
      await sql.query(
        `INSERT INTO wallets (user_id, balance, points, version, created_at, updated_at)
         VALUES (?, 0, 0, 0, ?, ?) ON DUPLICATE KEY UPDATE user_id = user_id`,
        [userId, now, now],
      );
      rows = (await sql.query(SELECT_FOR_UPDATE, [userId])) as WalletRow[];
    }
    const row = rows[0];
    if (!row) throw new Error(`wallet of ${userId} could not be created`);
    return WalletPersistenceMapper.toDomain(row);
  }

  async save(wallet: Wallet): Promise<void> {
    const entries = wallet.pullEntries();
    if (entries.length === 0) return;
    const sql = this.sql();
    const updated = (await sql.query(
      `UPDATE wallets SET balance = ?, points = ?, version = version + 1, updated_at = ?
        WHERE user_id = ? AND version = ?`,
      [wallet.balance.won, wallet.points, this.clock.now(), wallet.userId, wallet.version],
    )) as { affectedRows: number };
    if (updated.affectedRows !== 1) {
      throw new Error(`wallet of ${wallet.userId} changed while it was locked`);
    }
    await sql.query(
      `INSERT INTO wallet_transactions
         (id, user_id, type, amount, balance_after, points_after, order_id, return_id, created_at)
       VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      entries.flatMap((entry) => WalletPersistenceMapper.toLedgerValues(entry)),
    );
  }

  private sql(): SqlRunner {
    if (!this.transaction.active())
      throw new Error('WalletRepository must run inside UnitOfWork.run');
    return this.transaction.sql();
  }
}
