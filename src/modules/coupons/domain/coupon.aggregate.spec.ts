import { Money } from '../../../shared/kernel/money';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { Coupon } from './coupon.aggregate';
import { CouponNotUsableError } from './coupon-not-usable.error';

const input = {
  id: 'coupon-1',
  name: '  Spring sale  ',
  discountType: 'PERCENT' as const,
  discountValue: 10,
  maxDiscount: 5000,
  minOrderAmount: 20_000,
  totalQuantity: 100,
  validFrom: new Date('2025-03-01T00:00:00.000Z'),
  validUntil: new Date('2025-04-01T00:00:00.000Z'),
  now: new Date('2025-02-20T00:00:00.000Z'),
};

describe(Coupon.name, () => {
  it('creates an issue with nothing handed out and a trimmed name', () => {
    const sut = Coupon.create(input);

    expect(sut.name).toBe('Spring sale');
    expect(sut.issuedQuantity).toBe(0);
    expect(sut.soldOut).toBe(false);
    expect(sut.policy.discountFor(Money.won(100_000)).won).toBe(5000);
    expect(sut.createdAt).toEqual(input.now);
  });

  it('reports every bad field at once', () => {
    const error = (() => {
      try {
        Coupon.create({
          ...input,
          name: ' ',
          totalQuantity: 0,
          discountValue: 101,
          validUntil: input.validFrom,
        });
      } catch (e) {
        return e;
      }
    })() as ValidationError;

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors.map((e) => e.field).sort()).toEqual([
      'discountValue',
      'name',
      'totalQuantity',
      'validUntil',
    ]);
  });

  it.each([1_000_001, 2.5])('rejects totalQuantity %p', (totalQuantity) => {
    expect(() => Coupon.create({ ...input, totalQuantity })).toThrow(ValidationError);
  });

  it('rejects a name over 100 characters', () => {
    expect(() => Coupon.create({ ...input, name: 'n'.repeat(101) })).toThrow(ValidationError);
  });

  it('can be issued only inside its validity window', () => {
    const sut = Coupon.create(input);

    expect(() => sut.assertIssuableAt(input.validFrom)).not.toThrow();
    expect(() => sut.assertIssuableAt(new Date(input.validFrom.getTime() - 1))).toThrow(
      CouponNotUsableError,
    );
    expect(() => sut.assertIssuableAt(input.validUntil)).toThrow(CouponNotUsableError);
  });

  it('is sold out when the read count reached the total', () => {
    const created = Coupon.create(input);
    const sut = Coupon.rehydrate({
      id: created.id,
      name: created.name,
      policy: created.policy,
      window: created.window,
      totalQuantity: 100,
      issuedQuantity: 100,
      createdAt: created.createdAt,
    });

    expect(sut.soldOut).toBe(true);
  });
});
