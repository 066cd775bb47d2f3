import { CouponNotUsableError } from './coupon-not-usable.error';
import { UserCoupon } from './user-coupon.aggregate';
import { ValidityWindow } from './validity-window.value-object';

describe(UserCoupon.name, () => {
  const window = ValidityWindow.of(
    new Date('2025-03-01T00:00:00.000Z'),
    new Date('2025-04-01T00:00:00.000Z'),
  );
  const during = new Date('2025-03-15T12:00:00.000Z');
  const after = new Date('2025-04-01T00:00:00.000Z');
  let sut: UserCoupon;

  beforeEach(() => {
    sut = UserCoupon.issue({
      id: 'uc-1',
      couponId: 'coupon-1',
      userId: 'alice',
      validUntil: window.validUntil,
      now: new Date('2025-03-02T00:00:00.000Z'),
    });
  });

  it('is AVAILABLE when issued, and reads EXPIRED from validUntil on', () => {
    expect(sut.status).toBe('AVAILABLE');
    expect(sut.statusAt(during)).toBe('AVAILABLE');
    expect(sut.statusAt(after)).toBe('EXPIRED');
    expect(sut.status).toBe('AVAILABLE');
  });

  it('is used by its holder inside the window', () => {
    sut.use('alice', 'order-1', during, window);

    expect(sut.status).toBe('USED');
    expect(sut.orderId).toBe('order-1');
    expect(sut.usedAt).toEqual(during);
    expect(sut.statusAt(after)).toBe('USED');
  });

  it.each([
    ['by someone else', 'bob', during],
    ['after the window', 'alice', after],
    ['before the window', 'alice', new Date('2025-02-28T23:59:59.999Z')],
  ])('cannot be used %s', (_label, userId, at) => {
    expect(() => sut.use(userId, 'order-1', at, window)).toThrow(CouponNotUsableError);
    expect(sut.status).toBe('AVAILABLE');
  });

  it('cannot be used twice', () => {
    sut.use('alice', 'order-1', during, window);

    expect(() => sut.use('alice', 'order-2', during, window)).toThrow(CouponNotUsableError);
    expect(sut.orderId).toBe('order-1');
  });

  it('comes back AVAILABLE when its order is cancelled inside the window', () => {
    sut.use('alice', 'order-1', during, window);

    expect(sut.restore('order-1', during, window)).toBe(true);
    expect(sut.status).toBe('AVAILABLE');
    expect(sut.orderId).toBeNull();
    expect(sut.usedAt).toBeNull();
  });

  it('comes back EXPIRED when its order is cancelled after the window', () => {
    sut.use('alice', 'order-1', during, window);

    expect(sut.restore('order-1', after, window)).toBe(true);
    expect(sut.status).toBe('EXPIRED');
  });

  it('ignores a restore for another order or when not used', () => {
    expect(sut.restore('order-1', during, window)).toBe(false);
    sut.use('alice', 'order-1', during, window);
    expect(sut.restore('order-2', during, window)).toBe(false);
    expect(sut.status).toBe('USED');
  });
});
