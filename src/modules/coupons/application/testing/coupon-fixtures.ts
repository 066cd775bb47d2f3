import { Coupon } from '../../domain/coupon.aggregate';

/** A PERCENT coupon valid through March 2025 unless overridden. */
export function aCoupon(overrides: Partial<Parameters<typeof Coupon.create>[0]> = {}): Coupon {
  return Coupon.create({
    id: 'coupon-1',
    name: 'Spring sale',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 5000,
    minOrderAmount: 20_000,
    totalQuantity: 3,
    validFrom: new Date('2025-03-01T00:00:00.000Z'),
    validUntil: new Date('2025-04-01T00:00:00.000Z'),
    now: new Date('2025-02-20T00:00:00.000Z'),
    ...overrides,
  });
}
