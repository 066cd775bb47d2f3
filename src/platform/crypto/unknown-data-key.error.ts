/** A value names a key id that DATA_KEYS does not hold (removed before the rotation finished). */
export class UnknownDataKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`data key "${keyId}" is not in DATA_KEYS`);
    this.name = 'UnknownDataKeyError';
  }
}
