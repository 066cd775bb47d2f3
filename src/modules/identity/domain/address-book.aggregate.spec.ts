import { NotFoundError } from '../../../shared/kernel/not-found.error';
import { ValidationError } from '../../../shared/kernel/validation.error';
import { AddressBook } from './address-book.aggregate';
import { AddressLimitReachedError } from './address-limit-reached.error';

const NOW = new Date('2026-11-22T09:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);
const address = (n = 1) => ({
  recipient: ` Jane ${n} `,
  phone: '+821012345678',
  postalCode: '04524',
  line1: `${n} Sejong-daero`,
});

function bookWith(count: number): AddressBook {
  const sut = AddressBook.rehydrate('user-1', []);
  for (let i = 1; i <= count; i++) sut.add({ id: `a${i}`, address: address(i), now: at(i) });
  return AddressBook.rehydrate('user-1', [...sut.addresses]);
}

const defaults = (book: AddressBook) =>
  book.addresses.filter((entry) => entry.isDefault).map((entry) => entry.id);

describe(AddressBook.name, () => {
  describe('add', () => {
    it('makes the first address the default, trimmed, with line2 null', () => {
      const sut = AddressBook.rehydrate('user-1', []);

      const entry = sut.add({ id: 'a1', address: address(), now: NOW });

      expect(entry.isDefault).toBe(true);
      expect(entry.address.recipient).toBe('Jane 1');
      expect(entry.address.line2).toBeNull();
      expect(sut.changes()).toEqual({ removed: [], updated: [], added: [entry] });
    });

    it('keeps the default where it is unless asked, and moves it when asked', () => {
      const sut = bookWith(2);

      sut.add({ id: 'a3', address: address(3), now: at(3) });
      expect(defaults(sut)).toEqual(['a1']);
      sut.add({ id: 'a4', address: address(4), isDefault: true, now: at(4) });
      expect(defaults(sut)).toEqual(['a4']);
      expect(sut.changes().updated.map((e) => [e.id, e.isDefault])).toEqual([['a1', false]]);
    });

    it('refuses an 11th address with ADDRESS_LIMIT_REACHED', () => {
      const sut = bookWith(10);

      expect(() => sut.add({ id: 'a11', address: address(11), now: at(11) })).toThrow(
        AddressLimitReachedError,
      );
      expect(sut.addresses).toHaveLength(10);
    });

    it.each([
      ['recipient', { recipient: '  ' }],
      ['recipient', { recipient: 'x'.repeat(51) }],
      ['phone', { phone: '010-1234-5678' }],
      ['phone', { phone: '+0123' }],
      ['postalCode', { postalCode: '1' }],
      ['postalCode', { postalCode: '12345678901' }],
      ['line1', { line1: '' }],
      ['line2', { line2: 'y'.repeat(101) }],
    ])('rejects a bad %s naming it', (field, change) => {
      const sut = AddressBook.rehydrate('user-1', []);
      let error: unknown;
      try {
        sut.add({ id: 'a1', address: { ...address(), ...change }, now: NOW });
      } catch (caught) {
        error = caught;
      }

      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => e.field)).toEqual([field]);
    });
  });

  describe('update', () => {
    it('changes the given fields only, clears line2 with null', () => {
      const sut = bookWith(1);
      sut.update('a1', { line2: 'Apt 1' }, at(5));

      const entry = sut.update(
        'a1',
        { phone: '+441234567890', recipient: undefined, line2: null },
        at(6),
      );

      expect(entry.address.phone).toBe('+441234567890');
      expect(entry.address.recipient).toBe('Jane 1');
      expect(entry.address.line2).toBeNull();
      expect(entry.updatedAt).toEqual(at(6));
    });

    it('moves the default on isDefault true, and passes it to the newest other on false', () => {
      const sut = bookWith(3);

      sut.update('a2', { isDefault: true }, at(5));
      expect(defaults(sut)).toEqual(['a2']);
      sut.update('a2', { isDefault: false }, at(6));
      expect(defaults(sut)).toEqual(['a3']);
    });

    it('writes un-defaults before defaults, so the one-default key never sees two', () => {
      const sut = bookWith(3);

      sut.update('a3', { isDefault: true }, at(5));

      expect(sut.changes().updated.map((e) => [e.id, e.isDefault])).toEqual([
        ['a1', false],
        ['a3', true],
      ]);
    });

    it('keeps a lone address the default', () => {
      const sut = bookWith(1);

      expect(sut.update('a1', { isDefault: false }, at(5)).isDefault).toBe(true);
    });

    it('does not find an address of another book', () => {
      expect(() => bookWith(1).update('other', { line1: 'x' }, NOW)).toThrow(NotFoundError);
    });
  });

  describe('remove', () => {
    it('passes the default to the newest remaining address', () => {
      const sut = bookWith(3);

      sut.remove('a1', at(5));

      expect(sut.addresses.map((e) => e.id)).toEqual(['a2', 'a3']);
      expect(defaults(sut)).toEqual(['a3']);
      expect(sut.changes()).toMatchObject({ removed: ['a1'], added: [] });
      expect(sut.changes().updated.map((e) => e.id)).toEqual(['a3']);
    });

    it('does not find an unknown address', () => {
      expect(() => bookWith(2).remove('nope', NOW)).toThrow(NotFoundError);
    });
  });
});
