import { ValidationError } from '../../../shared/kernel/validation.error';

/** Who carries a shipped parcel and its tracking number. */
export interface Parcel {
  readonly carrier: string;
  readonly trackingNumber: string;
}

export const PARCEL_LIMITS = { carrier: 50, trackingNumber: 64 } as const;

/** Trims and checks a parcel: carrier 1..50 characters, tracking number 1..64. */
export function parcelOf(input: Parcel): Parcel {
  const carrier = input.carrier.trim();
  const trackingNumber = input.trackingNumber.trim();
  const errors = [];
  if (carrier.length < 1 || carrier.length > PARCEL_LIMITS.carrier)
    errors.push({
      field: 'carrier',
      message: `carrier must be 1 to ${PARCEL_LIMITS.carrier} characters`,
    });
  if (trackingNumber.length < 1 || trackingNumber.length > PARCEL_LIMITS.trackingNumber)
    errors.push({
      field: 'trackingNumber',
      message: `trackingNumber must be 1 to ${PARCEL_LIMITS.trackingNumber} characters`,
    });
  if (errors.length > 0) throw new ValidationError(errors);
  return { carrier, trackingNumber };
}
