import { FieldError, ValidationError } from './validation.error';

/** Inclusive bounds of an amount of won accepted as input. */
export interface WonRange {
  readonly min: number;
  readonly max: number;
}

/**
 * An amount of money: a whole, non-negative number of won (the shop has no
 * smaller unit and no debt). Every operation returns a new Money and throws a
 * RangeError instead of producing a fraction, a negative amount or a number
 * past Number.MAX_SAFE_INTEGER, so an arithmetic slip fails loudly rather than
 * writing a wrong amount. Domain rules (insufficient balance, caps) are
 * checked by the models before they subtract; input is checked with
 * `Money.parse`, which answers VALIDATION_FAILED naming the field.
 *
 * Serialises as its number of won (`toJSON`), so a Money that reaches a
 * response by mistake keeps the HTTP contract; adapters still convert with
 * `.won` explicitly.
 */
export class Money {
  static readonly ZERO = new Money(0);

  private constructor(private readonly amount: number) {}

  /** `amount` won; RangeError unless it is a non-negative safe integer. */
  static won(amount: number): Money {
    if (!Money.isWon(amount))
      throw new RangeError(
        `an amount of money is a non-negative whole number of won, got ${amount}`,
      );
    return amount === 0 ? Money.ZERO : new Money(amount);
  }

  /** True when `value` is a whole number of won within `range` (default: any non-negative safe integer). */
  static isWon(value: unknown, range?: WonRange): value is number {
    return (
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      value >= (range?.min ?? 0) &&
      value <= (range?.max ?? Number.MAX_SAFE_INTEGER)
    );
  }

  /** The error `parse` reports for `field`, or null when `value` is valid. */
  static check(field: string, value: unknown, range: WonRange): FieldError | null {
    return Money.isWon(value, range)
      ? null
      : { field, message: `${field} must be an integer from ${range.min} to ${range.max}` };
  }

  /** Input to Money: VALIDATION_FAILED naming `field` unless a whole number of won within `range`. */
  static parse(field: string, value: unknown, range: WonRange): Money {
    const error = Money.check(field, value, range);
    if (error) throw new ValidationError([error]);
    return Money.won(value as number);
  }

  /** The sum of `amounts` (0 for none). */
  static sum(amounts: Iterable<Money>): Money {
    let total = Money.ZERO;
    for (const amount of amounts) total = total.plus(amount);
    return total;
  }

  /** The number of won, for storage and responses. */
  get won(): number {
    return this.amount;
  }

  plus(other: Money): Money {
    return Money.won(this.amount + other.amount);
  }

  /** RangeError when `other` is larger: callers check the domain rule (e.g. balance) first. */
  minus(other: Money): Money {
    if (other.amount > this.amount)
      throw new RangeError(`cannot take ${other.amount} won from ${this.amount} won`);
    return Money.won(this.amount - other.amount);
  }

  /** This amount `quantity` times (a non-negative integer). */
  times(quantity: number): Money {
    if (!Number.isSafeInteger(quantity) || quantity < 0)
      throw new RangeError(`a quantity is a non-negative integer, got ${quantity}`);
    return Money.won(this.amount * quantity);
  }

  /** `percent`% of this amount, rounded down to the won (integer arithmetic, no float drift). */
  percent(percent: number): Money {
    if (!Number.isSafeInteger(percent) || percent < 0)
      throw new RangeError(`a percentage is a non-negative integer, got ${percent}`);
    const scaled = this.amount * percent;
    if (!Number.isSafeInteger(scaled))
      throw new RangeError(`${percent}% of ${this.amount} won is past the safe integer range`);
    return Money.won(Math.floor(scaled / 100));
  }

  /** The smaller of the two amounts. */
  min(other: Money): Money {
    return other.amount < this.amount ? other : this;
  }

  isZero(): boolean {
    return this.amount === 0;
  }

  equals(other: Money): boolean {
    return this.amount === other.amount;
  }

  isLessThan(other: Money): boolean {
    return this.amount < other.amount;
  }

  isGreaterThan(other: Money): boolean {
    return this.amount > other.amount;
  }

  toJSON(): number {
    return this.amount;
  }

  toString(): string {
    return `${this.amount} won`;
  }
}
