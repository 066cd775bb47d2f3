import { Money } from '../../../../shared/kernel/money';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { LedgerEntry } from '../../domain/ledger-entry';
import { Wallet } from '../../domain/wallet.aggregate';
import { WalletRepository } from '../ports/wallet.repository.port';

interface StoredWallet {
  readonly balance: number;
  readonly points: number;
  readonly version: number;
}

export interface StoredEntry {
  readonly entry: LedgerEntry;
  /** The transaction the entry was appended in. */
  readonly transaction: number | undefined;
}

/**
 * Wallets and their ledger in memory. Like the real adapter it refuses to work
 * outside a transaction, creates a missing wallet at 0/0 when locking, rejects
 * a save of a stale version, keeps one ledger row per (order, type, return), and
 * forgets what a rolled-back transaction wrote.
 */
export class InMemoryWalletRepository extends WalletRepository {
  private wallets = new Map<string, StoredWallet>();
  private ledger: StoredEntry[] = [];
  /** Users whose wallet was locked, in order. */
  readonly locks: Array<{ userId: string; transaction: number | undefined }> = [];

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const wallets = new Map(this.wallets);
        const ledger = [...this.ledger];
        return () => {
          this.wallets = wallets;
          this.ledger = ledger;
        };
      },
    });
  }

  /** Puts a wallet in place (its ledger is not seeded). */
  seed(userId: string, balance: number, points: number): void {
    this.wallets.set(userId, { balance, points, version: 0 });
  }

  /** The stored wallet state; undefined when the user has none. */
  stored(userId: string): StoredWallet | undefined {
    return this.wallets.get(userId);
  }

  /** Ledger rows of a user, in append order. */
  entries(userId?: string): readonly StoredEntry[] {
    return this.ledger.filter((row) => userId === undefined || row.entry.userId === userId);
  }

  async lock(userId: string): Promise<Wallet> {
    const transaction = this.requireTransaction();
    this.locks.push({ userId, transaction });
    if (!this.wallets.has(userId)) this.wallets.set(userId, { balance: 0, points: 0, version: 0 });
    const row = this.wallets.get(userId)!;
    return Wallet.rehydrate({ userId, ...row, balance: Money.won(row.balance) });
  }

  async save(wallet: Wallet): Promise<void> {
    const transaction = this.requireTransaction();
    const row = this.wallets.get(wallet.userId);
    if (!row || row.version !== wallet.version) throw new Error('stale wallet');
    if (wallet.points < 0) throw new Error('CHECK constraint failed');
    const entries = wallet.pullEntries();
    for (const entry of entries) {
      const duplicate = this.ledger.some(
        (stored) =>
          entry.orderId !== null &&
          stored.entry.orderId === entry.orderId &&
          stored.entry.type === entry.type &&
          stored.entry.returnId === entry.returnId,
      );
      if (duplicate) throw new Error('duplicate (order_id, type, return_id)');
    }
    this.wallets.set(wallet.userId, {
      balance: wallet.balance.won,
      points: wallet.points,
      version: row.version + 1,
    });
    this.ledger.push(...entries.map((entry) => ({ entry, transaction })));
  }

  private requireTransaction(): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined) throw new Error('WalletRepository needs UnitOfWork.run');
    return transaction;
  }
}
