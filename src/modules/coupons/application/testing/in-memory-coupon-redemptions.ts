import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Coupon } from '../../domain/coupon.aggregate';
import { DiscountPolicy } from '../../domain/discount-policy.value-object';
import { DiscountType } from '../../domain/discount-type';
import { UserCoupon } from '../../domain/user-coupon.aggregate';
import { UserCouponStatus } from '../../domain/user-coupon-status';
import { ValidityWindow } from '../../domain/validity-window.value-object';
import { CouponRedemptionService } from '../services/coupon-redemption.service';
import { InMemoryCouponRepository } from './in-memory-coupon.repository.fake';
import { InMemoryUserCouponRepository } from './in-memory-user-coupon.repository.fake';

/** A user's coupon and the terms of the issue it comes from; unset terms take the defaults of `seed`. */
export interface UserCouponSeed {
  readonly id: string;
  readonly userId: string;
  readonly discountValue: number;
  readonly discountType?: DiscountType;
  readonly maxDiscount?: number | null;
  readonly minOrderAmount?: number;
  readonly validFrom?: Date;
  readonly validUntil?: Date;
  readonly status?: UserCouponStatus;
  readonly orderId?: string | null;
  readonly usedAt?: Date | null;
}

/** What a test reads back of a user coupon. */
export interface UserCouponState {
  readonly userId: string;
  readonly status: UserCouponStatus;
  readonly orderId: string | null;
  readonly usedAt: Date | null;
}

/**
 * The coupons' real CouponRedemptions (service, aggregates, discount policy)
 * over their in-memory repositories, for other contexts' unit tests: they
 * get the coupons' own rules and errors instead of a copy of them.
 */
export class InMemoryCouponRedemptions extends CouponRedemptionService {
  private readonly issues: InMemoryCouponRepository;
  private readonly held: InMemoryUserCouponRepository;

  constructor(unitOfWork: ImmediateUnitOfWork) {
    const coupons = new InMemoryCouponRepository(unitOfWork);
    const userCoupons = new InMemoryUserCouponRepository(unitOfWork);
    super(coupons, userCoupons, unitOfWork);
    this.issues = coupons;
    this.held = userCoupons;
  }

  /** Issues a coupon of its own issue: FIXED, AVAILABLE, no minimum, valid through 2025 unless told otherwise. */
  seed(seed: UserCouponSeed): void {
    const validFrom = seed.validFrom ?? new Date('2025-01-01T00:00:00.000Z');
    const validUntil = seed.validUntil ?? new Date('2025-12-31T23:59:59.999Z');
    const coupon = Coupon.rehydrate({
      id: `issue-of-${seed.id}`,
      name: `Issue of ${seed.id}`,
      policy: DiscountPolicy.of({
        discountType: seed.discountType ?? 'FIXED',
        discountValue: seed.discountValue,
        maxDiscount: seed.maxDiscount ?? null,
        minOrderAmount: seed.minOrderAmount ?? 0,
      }),
      window: ValidityWindow.of(validFrom, validUntil),
      totalQuantity: 1,
      issuedQuantity: 1,
      createdAt: validFrom,
    });
    this.issues.seed(coupon);
    this.held.seed(
      UserCoupon.rehydrate({
        id: seed.id,
        couponId: coupon.id,
        userId: seed.userId,
        status: seed.status ?? 'AVAILABLE',
        validUntil,
        issuedAt: validFrom,
        usedAt: seed.usedAt ?? null,
        orderId: seed.orderId ?? null,
      }),
    );
  }

  /** The stored user coupon. */
  couponOf(id: string): UserCouponState {
    const userCoupon = this.held.stored(id);
    if (!userCoupon) throw new Error(`no user coupon ${id} seeded`);
    return {
      userId: userCoupon.userId,
      status: userCoupon.status,
      orderId: userCoupon.orderId,
      usedAt: userCoupon.usedAt,
    };
  }
}
