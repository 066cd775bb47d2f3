import { ValidationError } from '../../../shared/kernel/validation.error';
import { DiscountPolicy } from './discount-policy.value-object';

const fields = (build: () => unknown): string[] => {
  try {
    build();
  } catch (error) {
    if (error instanceof ValidationError) return error.errors.map((e) => e.field);
    throw error;
  }
  return [];
};

describe(DiscountPolicy.name, () => {
  describe('FIXED', () => {
    const sut = DiscountPolicy.of({
      discountType: 'FIXED',
      discountValue: 3000,
      maxDiscount: null,
      minOrderAmount: 10_000,
    });

    it('takes the fixed amount off a qualifying subtotal', () => {
      expect(sut.discountFor(25_000)).toBe(3000);
    });

    it('takes off no more than the subtotal', () => {
      const cheap = DiscountPolicy.of({
        discountType: 'FIXED',
        discountValue: 5000,
        maxDiscount: null,
        minOrderAmount: 0,
      });
      expect(cheap.discountFor(1200)).toBe(1200);
    });

    it('applies from exactly minOrderAmount and gives 0 below it', () => {
      expect(sut.appliesTo(10_000)).toBe(true);
      expect(sut.discountFor(10_000)).toBe(3000);
      expect(sut.appliesTo(9_999)).toBe(false);
      expect(sut.discountFor(9_999)).toBe(0);
    });
  });

  describe('PERCENT', () => {
    const percent = (value: number, maxDiscount: number | null = null) =>
      DiscountPolicy.of({
        discountType: 'PERCENT',
        discountValue: value,
        maxDiscount,
        minOrderAmount: 0,
      });

    it('rounds down to whole won', () => {
      expect(percent(15).discountFor(999)).toBe(149); // 149.85
      expect(percent(33).discountFor(10)).toBe(3); // 3.3
      expect(percent(1).discountFor(99)).toBe(0); // 0.99
    });

    it('is capped by maxDiscount', () => {
      expect(percent(10, 5000).discountFor(80_000)).toBe(5000);
      expect(percent(10, 5000).discountFor(40_000)).toBe(4000);
    });

    it('takes off at most the whole subtotal at 100 %', () => {
      expect(percent(100).discountFor(12_345)).toBe(12_345);
    });

    it('gives 0 below minOrderAmount', () => {
      const sut = DiscountPolicy.of({
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: null,
        minOrderAmount: 50_000,
      });
      expect(sut.discountFor(49_999)).toBe(0);
      expect(sut.discountFor(50_000)).toBe(5000);
    });
  });

  it('refuses a subtotal that is not a non-negative integer', () => {
    const sut = DiscountPolicy.of({
      discountType: 'FIXED',
      discountValue: 1,
      maxDiscount: null,
      minOrderAmount: 0,
    });
    expect(() => sut.discountFor(-1)).toThrow(RangeError);
    expect(() => sut.discountFor(10.5)).toThrow(RangeError);
  });

  it.each([
    ['a PERCENT value of 0', { discountType: 'PERCENT', discountValue: 0 }, ['discountValue']],
    ['a PERCENT value of 101', { discountType: 'PERCENT', discountValue: 101 }, ['discountValue']],
    ['a FIXED value of 0', { discountType: 'FIXED', discountValue: 0 }, ['discountValue']],
    ['a fractional FIXED value', { discountType: 'FIXED', discountValue: 1.5 }, ['discountValue']],
    ['a maxDiscount on FIXED', { discountType: 'FIXED', maxDiscount: 100 }, ['maxDiscount']],
    ['a maxDiscount of 0', { discountType: 'PERCENT', maxDiscount: 0 }, ['maxDiscount']],
    ['a negative minOrderAmount', { minOrderAmount: -1 }, ['minOrderAmount']],
    ['an unknown type', { discountType: 'BOGO' }, ['discountType']],
  ])('rejects %s naming the field', (_label, change, expected) => {
    expect(
      fields(() =>
        DiscountPolicy.of({
          discountType: 'PERCENT',
          discountValue: 10,
          maxDiscount: null,
          minOrderAmount: 0,
          ...(change as object),
        } as never),
      ),
    ).toEqual(expected);
  });
});
