import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { CouponAlreadyIssuedError } from '../../domain/coupon-already-issued.error';
import { UserCoupon, UserCouponProps } from '../../domain/user-coupon.aggregate';
import { UserCouponRepository } from '../ports/user-coupon.repository.port';

/**
 * User coupons as plain rows with the real table's UNIQUE (coupon_id,
 * user_id). Records which transaction locked or wrote what; what a
 * rolled-back transaction wrote is gone.
 */
export class InMemoryUserCouponRepository extends UserCouponRepository {
  private rows = new Map<string, UserCouponProps>();
  /** Ids locked with findByIdForUpdate, with the transaction they were locked in. */
  readonly locks: Array<{ id: string; transaction: number | undefined }> = [];
  /** Transactions each write happened in. */
  readonly writes: Array<{ id: string; transaction: number | undefined }> = [];
  /** Arguments of every expireDue call. */
  readonly expireCalls: Array<{ now: Date; limit: number; transaction: number | undefined }> = [];

  constructor(private readonly unitOfWork?: ImmediateUnitOfWork) {
    super();
    unitOfWork?.enlist({
      checkpoint: () => {
        const saved = new Map(this.rows);
        return () => {
          this.rows = saved;
        };
      },
    });
  }

  /** Puts a user coupon in place without a handler. */
  seed(userCoupon: UserCoupon): void {
    this.rows.set(userCoupon.id, propsOf(userCoupon));
  }

  /** The stored user coupon, or undefined. */
  stored(id: string): UserCoupon | undefined {
    const row = this.rows.get(id);
    return row ? UserCoupon.rehydrate(row) : undefined;
  }

  /** Everything stored, in insertion order. */
  all(): UserCoupon[] {
    return [...this.rows.values()].map((row) => UserCoupon.rehydrate(row));
  }

  async add(userCoupon: UserCoupon): Promise<void> {
    // The unique key, independent of isHeldBy (tests may stub the early check away).
    if (this.holds(userCoupon.couponId, userCoupon.userId)) throw new CouponAlreadyIssuedError();
    this.rows.set(userCoupon.id, propsOf(userCoupon));
    this.writes.push({ id: userCoupon.id, transaction: this.unitOfWork?.currentTransaction });
  }

  async isHeldBy(couponId: string, userId: string): Promise<boolean> {
    return this.holds(couponId, userId);
  }

  async findByIdForUpdate(id: string): Promise<UserCoupon | null> {
    this.locks.push({ id, transaction: this.unitOfWork?.currentTransaction });
    return this.stored(id) ?? null;
  }

  async save(userCoupon: UserCoupon): Promise<void> {
    // Like the UPDATE of the real adapter: a row that does not exist stays absent.
    if (!this.rows.has(userCoupon.id)) return;
    this.rows.set(userCoupon.id, propsOf(userCoupon));
    this.writes.push({ id: userCoupon.id, transaction: this.unitOfWork?.currentTransaction });
  }

  private holds(couponId: string, userId: string): boolean {
    return [...this.rows.values()].some(
      (row) => row.couponId === couponId && row.userId === userId,
    );
  }

  async expireDue(now: Date, limit: number): Promise<number> {
    this.expireCalls.push({ now, limit, transaction: this.unitOfWork?.currentTransaction });
    const due = [...this.rows.values()]
      .filter((row) => row.status === 'AVAILABLE' && row.validUntil.getTime() <= now.getTime())
      .sort((a, b) => a.validUntil.getTime() - b.validUntil.getTime())
      .slice(0, limit);
    for (const row of due) this.rows.set(row.id, { ...row, status: 'EXPIRED' });
    return due.length;
  }
}

function propsOf(userCoupon: UserCoupon): UserCouponProps {
  return {
    id: userCoupon.id,
    couponId: userCoupon.couponId,
    userId: userCoupon.userId,
    status: userCoupon.status,
    validUntil: userCoupon.validUntil,
    issuedAt: userCoupon.issuedAt,
    usedAt: userCoupon.usedAt,
    orderId: userCoupon.orderId,
  };
}
