import { ValidationError } from './validation.error';
import { PhoneNumber } from './phone-number.value-object';

const POSTAL_CODE = /^[A-Za-z0-9](?:[A-Za-z0-9 -]{1,8})[A-Za-z0-9]$/;

export interface PostalAddressInput {
  readonly recipient: string;
  readonly phone: string;
  readonly postalCode: string;
  readonly line1: string;
  readonly line2?: string | null;
}

/** Where a parcel goes and who takes it: trimmed, validated, line2 optional. */
export class PostalAddress {
  private constructor(
    readonly recipient: string,
    readonly phone: string,
    readonly postalCode: string,
    readonly line1: string,
    readonly line2: string | null,
  ) {}

  /** Validates every field; one ValidationError lists each bad field. */
  static create(input: PostalAddressInput): PostalAddress {
    const errors: Array<{ field: string; message: string }> = [];
    const text = (field: string, raw: string, min: number, max: number): string => {
      const value = raw.trim();
      if (value.length < min || value.length > max)
        errors.push({ field, message: `${field} must be ${min} to ${max} characters` });
      return value;
    };
    const recipient = text('recipient', input.recipient, 1, 50);
    const line1 = text('line1', input.line1, 1, 100);
    const line2Raw = input.line2 === undefined || input.line2 === null ? '' : input.line2;
    const line2 = text('line2', line2Raw, 0, 100);
    const postalCode = input.postalCode.trim();
    if (!POSTAL_CODE.test(postalCode))
      errors.push({
        field: 'postalCode',
        message: 'postalCode must be 3 to 10 letters, digits, spaces or dashes',
      });
    let phone = input.phone.trim();
    try {
      phone = PhoneNumber.parse(input.phone).value;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.push(...error.errors);
    }
    if (errors.length > 0) throw new ValidationError(errors);
    return new PostalAddress(recipient, phone, postalCode, line1, line2 === '' ? null : line2);
  }

  /** A copy with the given fields replaced (undefined keeps a field, `line2: null` clears it); validated again. */
  with(changes: Partial<PostalAddressInput>): PostalAddress {
    const given = Object.fromEntries(
      Object.entries(changes).filter(([, value]) => value !== undefined),
    ) as Partial<PostalAddressInput>;
    return PostalAddress.create({ ...this.toInput(), ...given });
  }

  toInput(): PostalAddressInput {
    return {
      recipient: this.recipient,
      phone: this.phone,
      postalCode: this.postalCode,
      line1: this.line1,
      line2: this.line2,
    };
  }
}
