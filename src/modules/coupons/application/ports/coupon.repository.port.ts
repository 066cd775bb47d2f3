import { Coupon } from '../../domain/coupon.aggregate';

/** Coupon issues on the write side (primary), inside the current UnitOfWork. */
export abstract class CouponRepository {
  /** Inserts a new coupon issue. */
  abstract add(coupon: Coupon): Promise<void>;

  /** The coupon with this id as the primary has it now (no lock); null if none. */
  abstract findById(id: string): Promise<Coupon | null>;

  /**
   * Takes one coupon of the issue if any is left: a conditional
   * `issued_quantity + 1 ... WHERE issued_quantity < total_quantity`, whose
   * row lock is held until the transaction ends. False when none is left.
   */
  abstract takeOne(couponId: string): Promise<boolean>;
}
