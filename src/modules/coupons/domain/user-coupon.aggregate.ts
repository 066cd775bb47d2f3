import { AggregateRoot } from '../../../shared/kernel/aggregate-root';
import { CouponNotUsableError } from './coupon-not-usable.error';
import { effectiveStatus, UserCouponStatus } from './user-coupon-status';
import { ValidityWindow } from './validity-window.value-object';

export interface UserCouponProps {
  readonly id: string;
  readonly couponId: string;
  readonly userId: string;
  readonly status: UserCouponStatus;
  /** Copied from the coupon (terms never change), so the expiry sweep needs no join. */
  readonly validUntil: Date;
  readonly issuedAt: Date;
  readonly usedAt: Date | null;
  readonly orderId: string | null;
}

/**
 * One coupon in a user's hands. AVAILABLE until an order uses it (USED) or
 * its window ends (EXPIRED); a cancelled order gives it back.
 */
export class UserCoupon extends AggregateRoot {
  private constructor(private props: UserCouponProps) {
    super();
  }

  /** A coupon just handed to `userId`. */
  static issue(input: {
    id: string;
    couponId: string;
    userId: string;
    validUntil: Date;
    now: Date;
  }): UserCoupon {
    return new UserCoupon({
      id: input.id,
      couponId: input.couponId,
      userId: input.userId,
      status: 'AVAILABLE',
      validUntil: input.validUntil,
      issuedAt: input.now,
      usedAt: null,
      orderId: null,
    });
  }

  static rehydrate(props: UserCouponProps): UserCoupon {
    return new UserCoupon(props);
  }

  /**
   * The status a reader should see at `at`: an AVAILABLE coupon whose window
   * ended is EXPIRED even before the sweep has written it.
   */
  statusAt(at: Date): UserCouponStatus {
    return effectiveStatus(this.props.status, this.props.validUntil, at);
  }

  /**
   * Throws CouponNotUsableError unless `userId` holds this coupon, it is
   * AVAILABLE and `at` lies inside `window`.
   */
  assertUsableBy(userId: string, at: Date, window: ValidityWindow): void {
    if (this.props.userId !== userId)
      throw new CouponNotUsableError('This coupon belongs to someone else');
    if (this.props.status !== 'AVAILABLE')
      throw new CouponNotUsableError(`This coupon is ${this.props.status.toLowerCase()}`);
    if (!window.contains(at))
      throw new CouponNotUsableError('This coupon is outside its validity window');
  }

  /** Marks the coupon used by `orderId`; see `assertUsableBy` for when it refuses. */
  use(userId: string, orderId: string, at: Date, window: ValidityWindow): void {
    this.assertUsableBy(userId, at, window);
    this.props = { ...this.props, status: 'USED', usedAt: at, orderId };
  }

  /**
   * Gives the coupon back after `orderId` was cancelled: AVAILABLE when `at`
   * is inside the window, else EXPIRED. Returns false (and changes nothing)
   * when the coupon is not USED by that order.
   */
  restore(orderId: string, at: Date, window: ValidityWindow): boolean {
    if (this.props.status !== 'USED' || this.props.orderId !== orderId) return false;
    this.props = {
      ...this.props,
      status: window.contains(at) ? 'AVAILABLE' : 'EXPIRED',
      usedAt: null,
      orderId: null,
    };
    return true;
  }

  get id(): string {
    return this.props.id;
  }

  get couponId(): string {
    return this.props.couponId;
  }

  get userId(): string {
    return this.props.userId;
  }

  get status(): UserCouponStatus {
    return this.props.status;
  }

  get validUntil(): Date {
    return this.props.validUntil;
  }

  get issuedAt(): Date {
    return this.props.issuedAt;
  }

  get usedAt(): Date | null {
    return this.props.usedAt;
  }

  get orderId(): string | null {
    return this.props.orderId;
  }
}
