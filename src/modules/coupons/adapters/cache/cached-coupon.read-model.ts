import { CacheService } from '../../../../platform/cache/cache.service';
import { CouponReadModel } from '../../application/ports/coupon.read-model.port';
import { CouponView } from '../../application/queries/get-coupon/coupon.view';

/** Short enough that `remainingQuantity` lags issuing by about a second at most. */
export const COUPON_CACHE_TTL_MS = 1000;

/**
 * Caches the public coupon view briefly, so a crowd polling a popular coupon
 * during a first-come-first-served drop reads Redis, not the replica. Absence
 * is not cached (a coupon just created must show up). Redis trouble is a miss.
 */
export class CachedCouponReadModel extends CouponReadModel {
  constructor(
    private readonly inner: CouponReadModel,
    private readonly cache: CacheService,
  ) {
    super();
  }

  findById(id: string): Promise<CouponView | null> {
    return this.cache.getOrLoad(`coupon:${id}`, () => this.inner.findById(id), {
      ttlMs: COUPON_CACHE_TTL_MS,
      absentTtlMs: 0,
      lockMs: 200,
    });
  }
}
