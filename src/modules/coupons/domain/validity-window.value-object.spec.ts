import { ValidationError } from '../../../shared/kernel/validation.error';
import { ValidityWindow } from './validity-window.value-object';

describe(ValidityWindow.name, () => {
  const from = new Date('2025-03-01T00:00:00.000Z');
  const until = new Date('2025-03-31T00:00:00.000Z');
  const sut = ValidityWindow.of(from, until);

  it('contains its first instant and excludes validUntil itself', () => {
    expect(sut.contains(from)).toBe(true);
    expect(sut.contains(new Date(until.getTime() - 1))).toBe(true);
    expect(sut.contains(until)).toBe(false);
  });

  it('does not contain instants before validFrom, which have not ended either', () => {
    const before = new Date(from.getTime() - 1);
    expect(sut.contains(before)).toBe(false);
    expect(sut.hasEnded(before)).toBe(false);
  });

  it('has ended from validUntil on', () => {
    expect(sut.hasEnded(until)).toBe(true);
    expect(sut.hasEnded(new Date(until.getTime() - 1))).toBe(false);
  });

  it.each([
    ['validFrom equal to validUntil', from, from],
    ['validFrom after validUntil', until, from],
  ])('rejects %s on validUntil', (_label, a, b) => {
    const error = (() => {
      try {
        ValidityWindow.of(a, b);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['validUntil']);
  });

  it('rejects an invalid date', () => {
    expect(() => ValidityWindow.of(new Date('nope'), until)).toThrow(ValidationError);
  });
});
