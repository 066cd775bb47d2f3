import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { InMemoryUserCouponReadModel } from '../../testing/in-memory-user-coupon.read-model.fake';
import { ListMyCouponsHandler } from './list-my-coupons.handler';
import { ListMyCouponsQuery } from './list-my-coupons.query';
import { UserCouponView } from './user-coupon.view';

describe(ListMyCouponsHandler.name, () => {
  const base: UserCouponView = {
    userCouponId: 'uc-1',
    couponId: 'coupon-1',
    name: 'Spring sale',
    discountType: 'FIXED',
    discountValue: 3000,
    maxDiscount: null,
    minOrderAmount: 0,
    status: 'AVAILABLE',
    validUntil: '2025-04-01T00:00:00.000Z',
    issuedAt: '2025-03-01T00:00:00.000Z',
    usedAt: null,
    orderId: null,
  };
  let readModel: InMemoryUserCouponReadModel;
  let clock: FixedClock;
  let sut: ListMyCouponsHandler;

  beforeEach(() => {
    readModel = new InMemoryUserCouponReadModel();
    clock = new FixedClock(new Date('2025-03-15T00:00:00.000Z'));
    sut = new ListMyCouponsHandler(readModel, clock);
  });

  it("lists the caller's coupons only, newest first, with a cursor to the next page", async () => {
    readModel.put('alice', { ...base, userCouponId: 'uc-1' });
    readModel.put('alice', { ...base, userCouponId: 'uc-3' });
    readModel.put('bob', { ...base, userCouponId: 'uc-2' });

    const first = await sut.execute(new ListMyCouponsQuery('alice', 1));
    const second = await sut.execute(new ListMyCouponsQuery('alice', 1, first.nextCursor!));

    expect(first.items.map((item) => item.userCouponId)).toEqual(['uc-3']);
    expect(first.nextCursor).toBe('uc-3');
    expect(second.items.map((item) => item.userCouponId)).toEqual(['uc-1']);
    expect(second.nextCursor).toBeNull();
  });

  it('shows an AVAILABLE coupon whose window ended as EXPIRED before the sweep ran', async () => {
    readModel.put('alice', { ...base, userCouponId: 'uc-1' });
    readModel.put('alice', {
      ...base,
      userCouponId: 'uc-2',
      status: 'USED',
      usedAt: '2025-03-02T00:00:00.000Z',
      orderId: 'order-1',
    });
    clock.set(new Date('2025-04-01T00:00:00.000Z'));

    const page = await sut.execute(new ListMyCouponsQuery('alice', 20));

    expect(page.items.map((item) => [item.userCouponId, item.status])).toEqual([
      ['uc-2', 'USED'],
      ['uc-1', 'EXPIRED'],
    ]);
  });

  it('keeps AVAILABLE while the window runs', async () => {
    readModel.put('alice', base);

    const page = await sut.execute(new ListMyCouponsQuery('alice', 20));

    expect(page.items[0]?.status).toBe('AVAILABLE');
  });
});
