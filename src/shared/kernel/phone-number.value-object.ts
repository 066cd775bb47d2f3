import { ValidationError } from './validation.error';

const E164 = /^\+[1-9]\d{1,14}$/;

/** A phone number in E.164 (`+821012345678`): a plus, the country code, at most 15 digits. */
export class PhoneNumber {
  private constructor(readonly value: string) {}

  /** Parses `raw` (surrounding spaces ignored); a ValidationError names `field` otherwise. */
  static parse(raw: string, field = 'phone'): PhoneNumber {
    const value = raw.trim();
    if (!E164.test(value))
      throw new ValidationError([
        { field, message: `${field} must be an E.164 number such as +821012345678` },
      ]);
    return new PhoneNumber(value);
  }

  toString(): string {
    return this.value;
  }
}
