import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { SequentialIdGenerator } from '../../../../shared/kernel/testing/sequential-id-generator.fake';
import { WalletTransactionType } from '../../domain/wallet-transaction-type';
import { WalletPaymentsService } from '../services/wallet-payments.service';
import { InMemoryWalletRepository } from './in-memory-wallet.repository.fake';

export interface WalletState {
  readonly balance: number;
  readonly points: number;
}

export interface LedgerRow {
  readonly userId: string;
  readonly orderId: string | null;
  readonly type: WalletTransactionType;
  readonly amount: number;
  /** The transaction the row was written in. */
  readonly transaction: number | undefined;
}

/**
 * The wallet's real WalletPayments (its service and aggregate) over its
 * in-memory repository, for other contexts' unit tests: they get the
 * wallet's own rules and errors instead of a copy of them.
 */
export class InMemoryWalletPayments extends WalletPaymentsService {
  private readonly store: InMemoryWalletRepository;

  constructor(unitOfWork: ImmediateUnitOfWork) {
    const wallets = new InMemoryWalletRepository(unitOfWork);
    super(wallets, unitOfWork, new SequentialIdGenerator('wallet-tx'));
    this.store = wallets;
  }

  /** Puts a wallet in place (balance in won). */
  seed(userId: string, state: WalletState): void {
    this.store.seed(userId, state.balance, state.points);
  }

  /** The stored balance and points (0/0 when the user has no wallet). */
  walletOf(userId: string): WalletState {
    const stored = this.store.stored(userId);
    return { balance: stored?.balance ?? 0, points: stored?.points ?? 0 };
  }

  /** Ledger rows, in order. */
  get ledger(): readonly LedgerRow[] {
    return this.store.entries().map(({ entry, transaction }) => ({
      userId: entry.userId,
      orderId: entry.orderId,
      type: entry.type,
      amount: entry.amount,
      transaction,
    }));
  }
}
