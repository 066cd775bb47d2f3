import { createHmac, createSecretKey, KeyObject } from 'node:crypto';

/**
 * Keyed HMAC-SHA-256 (BLIND_INDEX_KEY) of values that must be found by
 * equality without being stored: e-mail addresses (login, uniqueness, admin
 * lookup) and client addresses (audit rows, rate-limit keys). Each kind has
 * its own prefix, so an e-mail and an IP with the same text never collide.
 */
export class BlindIndex {
  private readonly key: KeyObject;

  constructor(key: Buffer) {
    this.key = createSecretKey(key);
  }

  /** The index of an already normalised (trimmed, lower-cased) e-mail address: 64 hex characters. */
  email(normalized: string): string {
    return this.of('email', normalized);
  }

  /** A stable pseudonym of a client address. */
  clientAddress(address: string): string {
    return this.of('ip', address);
  }

  private of(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}\u0000${value}`, 'utf8').digest('hex');
  }
}
