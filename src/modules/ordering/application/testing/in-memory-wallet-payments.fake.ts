import { DomainError } from '../../../../shared/kernel/domain-error';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import {
  WalletPayment,
  WalletPayments,
} from '../../../wallet/application/ports/wallet-payments.port';

export interface WalletState {
  readonly balance: number;
  readonly points: number;
}

export type LedgerType =
  'PAYMENT' | 'REFUND' | 'POINTS_EARNED' | 'POINTS_USED' | 'POINTS_RESTORED' | 'POINTS_REVOKED';

export interface LedgerRow {
  readonly userId: string;
  readonly orderId: string;
  readonly type: LedgerType;
  readonly amount: number;
  /** The transaction the row was written in. */
  readonly transaction: number;
}

// The wallet's domain errors are off limits to ordering: same codes, local classes.
class InsufficientBalance extends DomainError {
  readonly code = 'INSUFFICIENT_BALANCE';
}

class InsufficientPoints extends DomainError {
  readonly code = 'INSUFFICIENT_POINTS';
}

class PointsAlreadySpent extends DomainError {
  readonly code = 'POINTS_ALREADY_SPENT';
}

/**
 * Balances, points and ledger rows per user, following the port's steps in
 * order. Works only inside a transaction; what a rolled-back transaction
 * changed is restored (the steps themselves do not undo each other).
 */
export class InMemoryWalletPayments extends WalletPayments {
  private wallets = new Map<string, WalletState>();
  private rows: LedgerRow[] = [];

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const wallets = new Map(this.wallets);
        const rows = [...this.rows];
        return () => {
          this.wallets = wallets;
          this.rows = rows;
        };
      },
    });
  }

  /** Puts a wallet in place. */
  seed(userId: string, state: WalletState): void {
    this.wallets.set(userId, state);
  }

  /** The user's balance and points (0/0 when there is no wallet). */
  walletOf(userId: string): WalletState {
    return this.wallets.get(userId) ?? { balance: 0, points: 0 };
  }

  /** Ledger rows, in order. */
  get ledger(): readonly LedgerRow[] {
    return this.rows;
  }

  async pay(payment: WalletPayment): Promise<void> {
    const transaction = this.transaction('pay');
    let wallet = this.walletOf(payment.userId);
    this.wallets.set(payment.userId, wallet);
    if (wallet.points < payment.pointsUsed)
      throw new InsufficientPoints(`${payment.userId} holds fewer than ${payment.pointsUsed}`);
    wallet = this.change(
      payment,
      wallet,
      { points: -payment.pointsUsed },
      'POINTS_USED',
      transaction,
    );
    if (wallet.balance < payment.amount.won)
      throw new InsufficientBalance(`${payment.userId} cannot pay ${payment.amount.won}`);
    wallet = this.change(payment, wallet, { balance: -payment.amount.won }, 'PAYMENT', transaction);
    this.change(payment, wallet, { points: payment.pointsEarned }, 'POINTS_EARNED', transaction);
  }

  async refund(payment: WalletPayment): Promise<void> {
    const transaction = this.transaction('refund');
    let wallet = this.walletOf(payment.userId);
    if (wallet.points < payment.pointsEarned)
      throw new PointsAlreadySpent(`${payment.userId} no longer holds ${payment.pointsEarned}`);
    wallet = this.change(
      payment,
      wallet,
      { points: -payment.pointsEarned },
      'POINTS_REVOKED',
      transaction,
    );
    wallet = this.change(
      payment,
      wallet,
      { points: payment.pointsUsed },
      'POINTS_RESTORED',
      transaction,
    );
    this.change(payment, wallet, { balance: payment.amount.won }, 'REFUND', transaction);
  }

  private change(
    payment: WalletPayment,
    wallet: WalletState,
    delta: { balance?: number; points?: number },
    type: LedgerType,
    transaction: number,
  ): WalletState {
    const amount = Math.abs(delta.balance ?? delta.points ?? 0);
    if (amount === 0) return wallet;
    const next = {
      balance: wallet.balance + (delta.balance ?? 0),
      points: wallet.points + (delta.points ?? 0),
    };
    this.wallets.set(payment.userId, next);
    this.rows.push({ userId: payment.userId, orderId: payment.orderId, type, amount, transaction });
    return next;
  }

  private transaction(method: string): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined)
      throw new Error(`WalletPayments.${method} must run inside UnitOfWork.run`);
    return transaction;
  }
}
