import { DomainError } from '../../../../shared/kernel/domain-error';
import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import {
  CouponRedemption,
  CouponRedemptions,
} from '../../../coupons/application/ports/coupon-redemptions.port';
import { Money } from '../../../../shared/kernel/money';

export type UserCouponStatus = 'AVAILABLE' | 'USED' | 'EXPIRED';

/** A user's coupon with the terms of the coupon it was issued from. */
export interface StoredUserCoupon {
  readonly id: string;
  readonly userId: string;
  readonly discountType: 'FIXED' | 'PERCENT';
  readonly discountValue: number;
  readonly maxDiscount: number | null;
  readonly minOrderAmount: number;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly status: UserCouponStatus;
  readonly orderId: string | null;
  readonly usedAt: Date | null;
}

export type UserCouponSeed = Pick<StoredUserCoupon, 'id' | 'userId' | 'discountValue'> &
  Partial<Omit<StoredUserCoupon, 'id' | 'userId' | 'discountValue'>>;

// The coupons module's domain errors are off limits to ordering: same code, local class.
class CouponNotUsable extends DomainError {
  readonly code = 'COUPON_NOT_USABLE';
}

/**
 * User coupons with the port's documented rules. Works only inside a
 * transaction; what a rolled-back transaction changed is restored.
 */
export class InMemoryCouponRedemptions extends CouponRedemptions {
  private coupons = new Map<string, StoredUserCoupon>();

  constructor(private readonly unitOfWork: ImmediateUnitOfWork) {
    super();
    unitOfWork.enlist({
      checkpoint: () => {
        const saved = new Map(this.coupons);
        return () => {
          this.coupons = saved;
        };
      },
    });
  }

  /** Issues a coupon: FIXED, AVAILABLE, no minimum, valid through 2025 unless told otherwise. */
  seed(coupon: UserCouponSeed): void {
    this.coupons.set(coupon.id, {
      discountType: 'FIXED',
      maxDiscount: null,
      minOrderAmount: 0,
      validFrom: new Date('2025-01-01T00:00:00.000Z'),
      validUntil: new Date('2025-12-31T23:59:59.999Z'),
      status: 'AVAILABLE',
      orderId: null,
      usedAt: null,
      ...coupon,
    });
  }

  /** The stored user coupon. */
  couponOf(id: string): StoredUserCoupon {
    const coupon = this.coupons.get(id);
    if (!coupon) throw new Error(`no user coupon ${id} seeded`);
    return coupon;
  }

  async redeem(redemption: CouponRedemption): Promise<{ discount: Money; applied: boolean }> {
    this.transaction('redeem');
    const coupon = this.coupons.get(redemption.userCouponId);
    if (
      !coupon ||
      coupon.userId !== redemption.userId ||
      coupon.status !== 'AVAILABLE' ||
      !isValidAt(coupon, redemption.at)
    ) {
      throw new CouponNotUsable(`User coupon ${redemption.userCouponId} cannot be used`);
    }
    if (redemption.subtotal.won < coupon.minOrderAmount)
      return { discount: Money.ZERO, applied: false };
    this.coupons.set(coupon.id, {
      ...coupon,
      status: 'USED',
      orderId: redemption.orderId,
      usedAt: redemption.at,
    });
    return { discount: Money.won(discountOf(coupon, redemption.subtotal.won)), applied: true };
  }

  async restore(input: { userCouponId: string; orderId: string; at: Date }): Promise<void> {
    this.transaction('restore');
    const coupon = this.coupons.get(input.userCouponId);
    if (!coupon || coupon.status !== 'USED' || coupon.orderId !== input.orderId) return;
    this.coupons.set(coupon.id, {
      ...coupon,
      status: isValidAt(coupon, input.at) ? 'AVAILABLE' : 'EXPIRED',
      orderId: null,
      usedAt: null,
    });
  }

  private transaction(method: string): number {
    const transaction = this.unitOfWork.currentTransaction;
    if (transaction === undefined)
      throw new Error(`CouponRedemptions.${method} must run inside UnitOfWork.run`);
    return transaction;
  }
}

function isValidAt(coupon: StoredUserCoupon, at: Date): boolean {
  return coupon.validFrom.getTime() <= at.getTime() && at.getTime() <= coupon.validUntil.getTime();
}

function discountOf(coupon: StoredUserCoupon, subtotal: number): number {
  if (coupon.discountType === 'FIXED') return Math.min(coupon.discountValue, subtotal);
  const percent = Math.floor((subtotal * coupon.discountValue) / 100);
  return Math.min(percent, coupon.maxDiscount ?? Number.POSITIVE_INFINITY, subtotal);
}
