import { randomBytes } from 'node:crypto';
import { BlindIndex } from './blind-index';

describe(BlindIndex.name, () => {
  const key = randomBytes(32);
  const sut = new BlindIndex(key);

  it('is a stable 64-hex HMAC of the address, not the address', () => {
    const index = sut.email('alice@example.com');

    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.email('alice@example.com')).toBe(index);
    expect(sut.email('alice2@example.com')).not.toBe(index);
  });

  it('depends on the key: another key gives another index', () => {
    expect(new BlindIndex(randomBytes(32)).email('alice@example.com')).not.toBe(
      sut.email('alice@example.com'),
    );
  });

  it('keeps kinds apart: an e-mail and a client address with the same text differ', () => {
    expect(sut.clientAddress('10.0.0.1')).not.toBe(sut.email('10.0.0.1'));
    expect(sut.clientAddress('10.0.0.1')).toBe(sut.clientAddress('10.0.0.1'));
  });
});
