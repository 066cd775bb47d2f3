import { NotFoundError } from '../../../../../shared/kernel/not-found.error';
import { InMemoryCouponReadModel } from '../../testing/in-memory-coupon.read-model.fake';
import { CouponView } from './coupon.view';
import { GetCouponHandler } from './get-coupon.handler';
import { GetCouponQuery } from './get-coupon.query';

describe(GetCouponHandler.name, () => {
  const view: CouponView = {
    id: 'coupon-1',
    name: 'Spring sale',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 5000,
    minOrderAmount: 20_000,
    totalQuantity: 100,
    remainingQuantity: 58,
    validFrom: '2025-03-01T00:00:00.000Z',
    validUntil: '2025-04-01T00:00:00.000Z',
    createdAt: '2025-02-20T00:00:00.000Z',
  };
  let sut: GetCouponHandler;

  beforeEach(() => {
    const readModel = new InMemoryCouponReadModel();
    readModel.put(view);
    sut = new GetCouponHandler(readModel);
  });

  it('returns the coupon with its remaining quantity', async () => {
    await expect(sut.execute(new GetCouponQuery('coupon-1'))).resolves.toEqual(view);
  });

  it('fails with NotFoundError naming the coupon', async () => {
    const error = await sut.execute(new GetCouponQuery('gone')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toContain('gone');
  });
});
