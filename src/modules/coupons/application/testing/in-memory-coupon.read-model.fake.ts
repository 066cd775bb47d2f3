import { CouponReadModel } from '../ports/coupon.read-model.port';
import { CouponView } from '../queries/get-coupon/coupon.view';

/** Coupon views in a map. */
export class InMemoryCouponReadModel extends CouponReadModel {
  private readonly views = new Map<string, CouponView>();

  /** Puts a view in place. */
  put(view: CouponView): void {
    this.views.set(view.id, view);
  }

  async findById(id: string): Promise<CouponView | null> {
    return this.views.get(id) ?? null;
  }
}
