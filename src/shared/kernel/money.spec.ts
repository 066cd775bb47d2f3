import { Money } from './money';
import { ValidationError } from './validation.error';

describe(Money.name, () => {
  const won = Money.won;

  it.each([-1, 0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])(
    'refuses %p won: money is a non-negative whole number',
    (amount) => {
      expect(() => won(amount)).toThrow(RangeError);
    },
  );

  it('adds, subtracts and multiplies exactly', () => {
    expect(won(1_000).plus(won(234)).won).toBe(1_234);
    expect(won(1_000).minus(won(1_000)).isZero()).toBe(true);
    expect(won(19_900).times(3).won).toBe(59_700);
    expect(Money.sum([won(1), won(2), won(3)]).won).toBe(6);
    expect(Money.sum([]).equals(Money.ZERO)).toBe(true);
  });

  it('never goes below zero: subtracting more than held is a RangeError', () => {
    expect(() => won(999).minus(won(1_000))).toThrow(RangeError);
  });

  it('fails instead of losing precision past the safe integer range', () => {
    expect(() => won(Number.MAX_SAFE_INTEGER).plus(won(1))).toThrow(RangeError);
    expect(() => won(Number.MAX_SAFE_INTEGER).times(2)).toThrow(RangeError);
    expect(() => won(Number.MAX_SAFE_INTEGER).percent(50)).toThrow(RangeError);
    expect(() => won(10).times(1.5)).toThrow(RangeError);
  });

  it('takes a percentage rounded down to the won', () => {
    expect(won(9_999).percent(1).won).toBe(99);
    expect(won(12_345).percent(15).won).toBe(1_851);
    expect(won(50).percent(0).won).toBe(0);
  });

  it('compares and picks the smaller amount', () => {
    expect(won(5).min(won(3)).won).toBe(3);
    expect(won(3).isLessThan(won(5))).toBe(true);
    expect(won(5).isGreaterThan(won(5))).toBe(false);
    expect(won(7).equals(won(7))).toBe(true);
  });

  it('parses input into VALIDATION_FAILED naming the field and its bounds', () => {
    expect(Money.parse('amount', 10, { min: 1, max: 100 }).won).toBe(10);
    for (const bad of [0, 101, 1.5, '10', null]) {
      let error: unknown;
      try {
        Money.parse('amount', bad, { min: 1, max: 100 });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([
        { field: 'amount', message: 'amount must be an integer from 1 to 100' },
      ]);
    }
  });

  it('serialises as its number of won, so a response keeps the contract', () => {
    expect(JSON.stringify({ paid: won(42) })).toBe('{"paid":42}');
  });
});
