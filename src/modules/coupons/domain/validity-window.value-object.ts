import { ValidationError } from '../../../shared/kernel/validation.error';

/**
 * When a coupon may be issued and used: from `validFrom` (inclusive) until
 * `validUntil` (exclusive). At `validUntil` the coupon has expired.
 */
export class ValidityWindow {
  private constructor(
    readonly validFrom: Date,
    readonly validUntil: Date,
  ) {}

  /** Throws ValidationError unless both are real instants and `validFrom` < `validUntil`. */
  static of(validFrom: Date, validUntil: Date): ValidityWindow {
    if (Number.isNaN(validFrom.getTime()))
      throw new ValidationError([{ field: 'validFrom', message: 'validFrom must be a date-time' }]);
    if (Number.isNaN(validUntil.getTime()))
      throw new ValidationError([
        { field: 'validUntil', message: 'validUntil must be a date-time' },
      ]);
    if (validFrom.getTime() >= validUntil.getTime())
      throw new ValidationError([
        { field: 'validUntil', message: 'validUntil must be after validFrom' },
      ]);
    return new ValidityWindow(new Date(validFrom.getTime()), new Date(validUntil.getTime()));
  }

  /** True when `at` lies inside the window. */
  contains(at: Date): boolean {
    return at.getTime() >= this.validFrom.getTime() && at.getTime() < this.validUntil.getTime();
  }

  /** True once the window is over at `at`. */
  hasEnded(at: Date): boolean {
    return at.getTime() >= this.validUntil.getTime();
  }
}
