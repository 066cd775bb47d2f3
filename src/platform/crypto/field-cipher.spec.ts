import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';
import { KeyRing } from './key-ring';
import { UndecryptableValueError } from './undecryptable-value.error';
import { UnknownDataKeyError } from './unknown-data-key.error';

const ringKeys = new Map([
  ['k1', randomBytes(32)],
  ['k2', randomBytes(32)],
]);
const ref = { table: 'users', column: 'email', rowId: 'user-1' };

describe(FieldCipher.name, () => {
  const secret = randomBytes(32);
  let sut: FieldCipher;

  beforeEach(() => {
    sut = new FieldCipher(new KeyRing(ringKeys, 'k1'));
  });

  it('round-trips text, including non-ASCII, and names the active key in the value', () => {
    const sealed = sut.seal(secret, 'jöhn.doe@example.com 김', ref);

    expect(sealed).toMatch(/^e1\.k1\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('john');
    expect(sut.open(secret, sealed, ref)).toBe('jöhn.doe@example.com 김');
  });

  it('uses a fresh nonce each time: the same text never seals to the same value', () => {
    expect(sut.seal(secret, 'same', ref)).not.toBe(sut.seal(secret, 'same', ref));
  });

  it.each([
    ['another row', { ...ref, rowId: 'user-2' }],
    ['another column', { ...ref, column: 'name' }],
    ['another table', { ...ref, table: 'member_addresses' }],
  ])('refuses a value moved to %s', (_label, moved) => {
    const sealed = sut.seal(secret, 'alice@example.com', ref);

    expect(() => sut.open(secret, sealed, moved)).toThrow(UndecryptableValueError);
  });

  it("refuses another member's secret (the erased member's data stays unreadable)", () => {
    const sealed = sut.seal(secret, 'alice@example.com', ref);

    expect(() => sut.open(randomBytes(32), sealed, ref)).toThrow(UndecryptableValueError);
  });

  it('refuses a value with one bit changed, and says where without quoting it', () => {
    const sealed = sut.seal(secret, 'alice@example.com', ref);
    const bytes = Buffer.from(sealed.split('.')[2]!, 'base64url');
    bytes[20] = bytes[20]! ^ 1;
    const tampered = `e1.k1.${bytes.toString('base64url')}`;

    const error = (() => {
      try {
        sut.open(secret, tampered, ref);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('tampered value opened');
    })();
    expect(error).toBeInstanceOf(UndecryptableValueError);
    expect(error.message).toBe('personal data in users.email of user-1 cannot be decrypted');
  });

  it('opens values of every key of the ring after the active key changed, and seals under the new one', () => {
    const old = sut.seal(secret, 'before rotation', ref);
    const rotated = new FieldCipher(new KeyRing(ringKeys, 'k2'));

    expect(rotated.open(secret, old, ref)).toBe('before rotation');
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.seal(secret, 'after rotation', ref);
    expect(FieldCipher.keyIdOf(fresh)).toBe('k2');
    expect(rotated.isCurrent(fresh)).toBe(true);
  });

  it('fails naming the key id when the ring no longer holds the key of a value', () => {
    const sealed = sut.seal(secret, 'text', ref);
    const without = new FieldCipher(new KeyRing(new Map([['k2', ringKeys.get('k2')!]]), 'k2'));

    expect(() => without.open(secret, sealed, ref)).toThrow(UnknownDataKeyError);
  });

  it('seals and opens whole rows, keeping nulls', () => {
    const sealed = sut.sealRow(secret, 'users', 'user-1', { email: 'a@b.c', phone: null });

    expect(sealed.phone).toBeNull();
    expect(sut.openRow(secret, 'users', 'user-1', sealed)).toEqual({ email: 'a@b.c', phone: null });
  });
});
