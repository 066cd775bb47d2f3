import { ImmediateUnitOfWork } from '../../../../shared/kernel/testing/immediate-unit-of-work.fake';
import { Coupon, CouponProps } from '../../domain/coupon.aggregate';
import { CouponRepository } from '../ports/coupon.repository.port';

/**
 * Coupon issues as plain rows: reads return fresh aggregates, `takeOne` is
 * the conditional increment of the real adapter, and what a rolled-back
 * transaction changed is gone.
 */
export class InMemoryCouponRepository extends CouponRepository {
  private rows = new Map<string, CouponProps>();
  /** Transactions `takeOne` ran in, in order. */
  readonly takeCalls: Array<{ couponId: string; transaction: number | undefined }> = [];

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

  /** Puts a coupon in place without a handler, optionally with some already issued. */
  seed(coupon: Coupon, issuedQuantity = coupon.issuedQuantity): void {
    this.rows.set(coupon.id, { ...propsOf(coupon), issuedQuantity });
  }

  /** The stored issued count. */
  issuedOf(couponId: string): number | undefined {
    return this.rows.get(couponId)?.issuedQuantity;
  }

  /** The stored coupon, or undefined. */
  stored(couponId: string): Coupon | undefined {
    const row = this.rows.get(couponId);
    return row ? Coupon.rehydrate(row) : undefined;
  }

  async add(coupon: Coupon): Promise<void> {
    if (this.rows.has(coupon.id)) throw new Error(`duplicate coupon id ${coupon.id}`);
    this.rows.set(coupon.id, propsOf(coupon));
  }

  async findById(id: string): Promise<Coupon | null> {
    return this.stored(id) ?? null;
  }

  async takeOne(couponId: string): Promise<boolean> {
    this.takeCalls.push({ couponId, transaction: this.unitOfWork?.currentTransaction });
    const row = this.rows.get(couponId);
    if (!row || row.issuedQuantity >= row.totalQuantity) return false;
    this.rows.set(couponId, { ...row, issuedQuantity: row.issuedQuantity + 1 });
    return true;
  }
}

function propsOf(coupon: Coupon): CouponProps {
  return {
    id: coupon.id,
    name: coupon.name,
    policy: coupon.policy,
    window: coupon.window,
    totalQuantity: coupon.totalQuantity,
    issuedQuantity: coupon.issuedQuantity,
    createdAt: coupon.createdAt,
  };
}
