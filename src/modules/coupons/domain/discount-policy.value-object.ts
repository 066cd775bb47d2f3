import { Money } from '../../../shared/kernel/money';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { DISCOUNT_TYPES, DiscountType } from './discount-type';

/** Largest amount of won any coupon field may hold (fits a signed 32-bit column). */
export const MAX_WON = 1_000_000_000;

export interface DiscountPolicyProps {
  readonly discountType: DiscountType;
  readonly discountValue: number;
  readonly maxDiscount: number | null;
  readonly minOrderAmount: number;
}

const isWon = (value: number, min: number): boolean => Money.isWon(value, { min, max: MAX_WON });

/**
 * What a coupon takes off an order. FIXED: `discountValue` won. PERCENT:
 * `discountValue`% of the subtotal, rounded down, capped by `maxDiscount`.
 * Never more than the subtotal, and nothing below `minOrderAmount`.
 */
export class DiscountPolicy {
  private constructor(private readonly props: DiscountPolicyProps) {}

  /** Validates the terms; throws ValidationError naming every bad field. */
  static of(props: DiscountPolicyProps): DiscountPolicy {
    const errors: FieldError[] = [];
    if (!DISCOUNT_TYPES.includes(props.discountType))
      errors.push({ field: 'discountType', message: 'discountType must be FIXED or PERCENT' });
    if (props.discountType === 'PERCENT') {
      if (
        !Number.isInteger(props.discountValue) ||
        props.discountValue < 1 ||
        props.discountValue > 100
      )
        errors.push({
          field: 'discountValue',
          message: 'a PERCENT discountValue must be an integer from 1 to 100',
        });
      if (props.maxDiscount !== null && !isWon(props.maxDiscount, 1))
        errors.push({
          field: 'maxDiscount',
          message: `maxDiscount must be an integer from 1 to ${MAX_WON}`,
        });
    } else {
      if (!isWon(props.discountValue, 1))
        errors.push({
          field: 'discountValue',
          message: `a FIXED discountValue must be an integer from 1 to ${MAX_WON}`,
        });
      if (props.maxDiscount !== null)
        errors.push({
          field: 'maxDiscount',
          message: 'maxDiscount applies to PERCENT coupons only',
        });
    }
    if (!isWon(props.minOrderAmount, 0))
      errors.push({
        field: 'minOrderAmount',
        message: `minOrderAmount must be an integer from 0 to ${MAX_WON}`,
      });
    if (errors.length > 0) throw new ValidationError(errors);
    return new DiscountPolicy({ ...props });
  }

  /** Rebuilds terms read from storage (already valid). */
  static rehydrate(props: DiscountPolicyProps): DiscountPolicy {
    return new DiscountPolicy({ ...props });
  }

  get discountType(): DiscountType {
    return this.props.discountType;
  }

  get discountValue(): number {
    return this.props.discountValue;
  }

  get maxDiscount(): number | null {
    return this.props.maxDiscount;
  }

  get minOrderAmount(): number {
    return this.props.minOrderAmount;
  }

  /** True when an order of `subtotal` qualifies for the discount. */
  appliesTo(subtotal: Money): boolean {
    return !subtotal.isLessThan(Money.won(this.props.minOrderAmount));
  }

  /** The discount for `subtotal` (0 when it does not qualify). */
  discountFor(subtotal: Money): Money {
    if (!this.appliesTo(subtotal)) return Money.ZERO;
    let discount =
      this.props.discountType === 'FIXED'
        ? Money.won(this.props.discountValue)
        : subtotal.percent(this.props.discountValue);
    if (this.props.maxDiscount !== null) discount = discount.min(Money.won(this.props.maxDiscount));
    return discount.min(subtotal);
  }
}
