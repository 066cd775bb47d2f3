import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { FieldError, ValidationError } from '../../../shared/kernel/validation.error';
import { CouponNotUsableError } from './coupon-not-usable.error';
import { DiscountPolicy } from './discount-policy.value-object';
import { DiscountType } from './discount-type';
import { ValidityWindow } from './validity-window.value-object';

/** Most coupons one issue may hand out. */
export const MAX_TOTAL_QUANTITY = 1_000_000;

export interface CouponProps {
  readonly id: string;
  readonly name: string;
  readonly policy: DiscountPolicy;
  readonly window: ValidityWindow;
  readonly totalQuantity: number;
  readonly issuedQuantity: number;
  readonly createdAt: Date;
}

/**
 * An issue of coupons: the discount terms, the validity window and how many
 * may be handed out. Terms never change after creation; the issued count is
 * moved only by a conditional UPDATE in the database (first come, first served).
 */
export class Coupon extends AggregateRoot {
  private constructor(private readonly props: CouponProps) {
    super();
  }

  /** A new issue; throws ValidationError naming every bad field. */
  static create(input: {
    id: string;
    name: string;
    discountType: DiscountType;
    discountValue: number;
    maxDiscount: number | null;
    minOrderAmount: number;
    totalQuantity: number;
    validFrom: Date;
    validUntil: Date;
    now: Date;
  }): Coupon {
    const errors: FieldError[] = [];
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100)
      errors.push({ field: 'name', message: 'name must be 1 to 100 characters' });
    if (
      !Number.isInteger(input.totalQuantity) ||
      input.totalQuantity < 1 ||
      input.totalQuantity > MAX_TOTAL_QUANTITY
    )
      errors.push({
        field: 'totalQuantity',
        message: `totalQuantity must be an integer from 1 to ${MAX_TOTAL_QUANTITY}`,
      });
    const policy = collect(errors, () =>
      DiscountPolicy.of({
        discountType: input.discountType,
        discountValue: input.discountValue,
        maxDiscount: input.maxDiscount,
        minOrderAmount: input.minOrderAmount,
      }),
    );
    const window = collect(errors, () => ValidityWindow.of(input.validFrom, input.validUntil));
    if (errors.length > 0 || !policy || !window) throw new ValidationError(errors);
    return new Coupon({
      id: input.id,
      name,
      policy,
      window,
      totalQuantity: input.totalQuantity,
      issuedQuantity: 0,
      createdAt: input.now,
    });
  }

  static rehydrate(props: CouponProps): Coupon {
    return new Coupon(props);
  }

  /** Throws CouponNotUsableError when coupons of this issue cannot be handed out at `at`. */
  assertIssuableAt(at: Date): void {
    if (!this.props.window.contains(at))
      throw new CouponNotUsableError('This coupon is outside its validity window');
  }

  /** True when the last read count says nothing is left (the database still decides). */
  get soldOut(): boolean {
    return this.props.issuedQuantity >= this.props.totalQuantity;
  }

  get id(): string {
    return this.props.id;
  }

  get name(): string {
    return this.props.name;
  }

  get policy(): DiscountPolicy {
    return this.props.policy;
  }

  get window(): ValidityWindow {
    return this.props.window;
  }

  get totalQuantity(): number {
    return this.props.totalQuantity;
  }

  get issuedQuantity(): number {
    return this.props.issuedQuantity;
  }

  get createdAt(): Date {
    return this.props.createdAt;
  }
}

function collect<T>(errors: FieldError[], build: () => T): T | undefined {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    errors.push(...error.errors);
    return undefined;
  }
}
