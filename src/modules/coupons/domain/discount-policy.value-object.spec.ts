import { Money } from '../../../shared/kernel/money';
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
      expect(sut.discountFor(Money.won(25_000)).won).toBe(3000);
    });

    it('takes off no more than the subtotal', () => {
      const cheap = DiscountPolicy.of({
        discountType: 'FIXED',
        discountValue: 5000,
        maxDiscount: null,
        minOrderAmount: 0,
      });
      expect(cheap.discountFor(Money.won(1200)).won).toBe(1200);
    });

    it('applies from exactly minOrderAmount and gives 0 below it', () => {
      expect(sut.appliesTo(Money.won(10_000))).toBe(true);
      expect(sut.discountFor(Money.won(10_000)).won).toBe(3000);
      expect(sut.appliesTo(Money.won(9_999))).toBe(false);
      expect(sut.discountFor(Money.won(9_999)).won).toBe(0);
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
      expect(percent(15).discountFor(Money.won(999)).won).toBe(149); // 149.85
      expect(percent(33).discountFor(Money.won(10)).won).toBe(3); // 3.3
      expect(percent(1).discountFor(Money.won(99)).won).toBe(0); // 0.99
    });

    it('is capped by maxDiscount', () => {
      expect(percent(10, 5000).discountFor(Money.won(80_000)).won).toBe(5000);
      expect(percent(10, 5000).discountFor(Money.won(40_000)).won).toBe(4000);
    });

    it('takes off at most the whole subtotal at 100 %', () => {
      expect(percent(100).discountFor(Money.won(12_345)).won).toBe(12_345);
    });

    it('gives 0 below minOrderAmount', () => {
      const sut = DiscountPolicy.of({
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: null,
        minOrderAmount: 50_000,
      });
      expect(sut.discountFor(Money.won(49_999)).won).toBe(0);
      expect(sut.discountFor(Money.won(50_000)).won).toBe(5000);
    });
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
