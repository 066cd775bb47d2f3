import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { Money } from '../../../shared/kernel/money';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { BalanceLimitExceededError } from './balance-limit-exceeded.error';
import { InsufficientBalanceError } from './insufficient-balance.error';
import { InsufficientPointsError } from './insufficient-points.error';
import { LedgerEntry } from './ledger-entry';
import { PointsAlreadySpentError } from './points-already-spent.error';
import { WalletTransactionType } from './wallet-transaction-type';

export interface WalletProps {
  readonly userId: string;
  readonly balance: Money;
  readonly points: number;
  /** Number of changes so far; the repository writes only if it is unchanged. */
  readonly version: number;
}

/** What an order moves: money paid, points used, points earned. */
export interface OrderMovement {
  readonly orderId: string;
  readonly amount: Money;
  readonly pointsUsed: number;
  readonly pointsEarned: number;
  readonly at: Date;
}

/** What one approved return settles (ADR 0050): amounts from the refund rule. */
export interface ReturnMovement {
  readonly orderId: string;
  readonly returnId: string;
  readonly amount: Money;
  readonly pointsToRestore: number;
  readonly pointsToRevoke: number;
  readonly at: Date;
}

/** What the wallet actually moved for a return. */
export interface ReturnSettled {
  readonly refunded: Money;
  readonly pointsRestored: number;
  readonly pointsRevoked: number;
  /** Earned points no longer held, withheld from the refund at 1 won each. */
  readonly pointsShortfall: number;
}

/**
 * A user's prepaid balance and points. Every change appends ledger entries
 * (pulled by the repository when it saves), so the sums of the ledger always
 * equal the balance and the points.
 */
export class Wallet extends AggregateRoot {
  /** Largest amount of one charge. */
  static readonly MAX_CHARGE = 1_000_000;
  /** A charge may not take the balance above this; refunds may (ADR 0012). */
  static readonly MAX_BALANCE = 100_000_000;

  private balanceValue: Money;
  private pointsValue: number;
  private entries: LedgerEntry[] = [];

  private constructor(private readonly props: WalletProps) {
    super();
    this.balanceValue = props.balance;
    this.pointsValue = props.points;
  }

  /** A wallet that has never moved: 0 balance, 0 points. */
  static empty(userId: string): Wallet {
    return new Wallet({ userId, balance: Money.ZERO, points: 0, version: 0 });
  }

  static rehydrate(props: WalletProps): Wallet {
    return new Wallet(props);
  }

  get userId(): string {
    return this.props.userId;
  }

  get balance(): Money {
    return this.balanceValue;
  }

  get points(): number {
    return this.pointsValue;
  }

  /** The version the wallet was loaded at. */
  get version(): number {
    return this.props.version;
  }

  /** Adds money; 1..MAX_CHARGE, never above MAX_BALANCE. Returns the ledger entry. */
  charge(requested: number, id: string, at: Date): LedgerEntry {
    const amount = Money.parse('amount', requested, { min: 1, max: Wallet.MAX_CHARGE });
    const after = this.balanceValue.plus(amount);
    if (after.isGreaterThan(Money.won(Wallet.MAX_BALANCE))) throw new BalanceLimitExceededError();
    this.balanceValue = after;
    return this.append('CHARGE', amount.won, id, null, at);
  }

  /**
   * Pays for an order: uses points, debits the balance, credits earned points.
   * Checks everything before changing anything; zero amounts leave no entry.
   */
  pay(movement: OrderMovement, nextId: () => string): LedgerEntry[] {
    Wallet.check(movement);
    if (this.pointsValue < movement.pointsUsed) throw new InsufficientPointsError();
    if (this.balanceValue.isLessThan(movement.amount)) throw new InsufficientBalanceError();
    const appended: LedgerEntry[] = [];
    const move = (type: WalletTransactionType, amount: number, apply: () => void): void => {
      if (amount === 0) return;
      apply();
      appended.push(this.append(type, amount, nextId(), movement.orderId, movement.at));
    };
    move('POINTS_USED', movement.pointsUsed, () => (this.pointsValue -= movement.pointsUsed));
    move(
      'PAYMENT',
      movement.amount.won,
      () => (this.balanceValue = this.balanceValue.minus(movement.amount)),
    );
    move('POINTS_EARNED', movement.pointsEarned, () => (this.pointsValue += movement.pointsEarned));
    return appended;
  }

  /**
   * Reverses a payment: revokes earned points (they must still be held),
   * restores used points and refunds the money, even above MAX_BALANCE.
   */
  refund(movement: OrderMovement, nextId: () => string): LedgerEntry[] {
    Wallet.check(movement);
    if (this.pointsValue < movement.pointsEarned) throw new PointsAlreadySpentError();
    const appended: LedgerEntry[] = [];
    const move = (type: WalletTransactionType, amount: number, apply: () => void): void => {
      if (amount === 0) return;
      apply();
      appended.push(this.append(type, amount, nextId(), movement.orderId, movement.at));
    };
    move(
      'POINTS_REVOKED',
      movement.pointsEarned,
      () => (this.pointsValue -= movement.pointsEarned),
    );
    move('POINTS_RESTORED', movement.pointsUsed, () => (this.pointsValue += movement.pointsUsed));
    move(
      'REFUND',
      movement.amount.won,
      () => (this.balanceValue = this.balanceValue.plus(movement.amount)),
    );
    return appended;
  }

  /**
   * Settles an approved return: restores used points, revokes earned points
   * from what is then held, and withholds the earned points no longer held
   * from the refund (1 point = 1 won; never below 0, the rest is forgiven).
   * Never refused: the goods are back. Refunds may pass MAX_BALANCE.
   */
  refundReturn(movement: ReturnMovement, nextId: () => string): ReturnSettled {
    const errors: FieldError[] = (['pointsToRestore', 'pointsToRevoke'] as const)
      .filter((field) => !Number.isSafeInteger(movement[field]) || movement[field] < 0)
      .map((field) => ({ field, message: `${field} must be a non-negative integer` }));
    if (!movement.orderId || !movement.returnId)
      errors.push({ field: 'returnId', message: 'orderId and returnId are required' });
    if (errors.length > 0) throw new ValidationError(errors);
    const entry = (type: WalletTransactionType, amount: number): void => {
      if (amount > 0)
        this.append(type, amount, nextId(), movement.orderId, movement.at, movement.returnId);
    };
    this.pointsValue += movement.pointsToRestore;
    entry('POINTS_RESTORED', movement.pointsToRestore);
    const pointsRevoked = Math.min(movement.pointsToRevoke, this.pointsValue);
    this.pointsValue -= pointsRevoked;
    entry('POINTS_REVOKED', pointsRevoked);
    const pointsShortfall = movement.pointsToRevoke - pointsRevoked;
    const refunded = Money.won(Math.max(0, movement.amount.won - pointsShortfall));
    this.balanceValue = this.balanceValue.plus(refunded);
    entry('REFUND', refunded.won);
    return { refunded, pointsRestored: movement.pointsToRestore, pointsRevoked, pointsShortfall };
  }

  /** Returns and forgets the entries appended since loading (call once, when saving). */
  pullEntries(): LedgerEntry[] {
    const entries = this.entries;
    this.entries = [];
    return entries;
  }

  private append(
    type: WalletTransactionType,
    amount: number,
    id: string,
    orderId: string | null,
    at: Date,
    returnId: string | null = null,
  ): LedgerEntry {
    const entry: LedgerEntry = {
      id,
      userId: this.props.userId,
      type,
      amount,
      balanceAfter: this.balanceValue.won,
      pointsAfter: this.pointsValue,
      orderId,
      returnId,
      at,
    };
    this.entries.push(entry);
    return entry;
  }

  private static check(movement: OrderMovement): void {
    const fields = ['pointsUsed', 'pointsEarned'] as const;
    const errors: FieldError[] = fields
      .filter((field) => !Number.isSafeInteger(movement[field]) || movement[field] < 0)
      .map((field) => ({ field, message: `${field} must be a non-negative integer` }));
    if (!movement.orderId) errors.push({ field: 'orderId', message: 'orderId is required' });
    if (errors.length > 0) throw new ValidationError(errors);
  }
}
