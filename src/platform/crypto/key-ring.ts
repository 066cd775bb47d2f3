import { UnknownDataKeyError } from './unknown-data-key.error';

/**
 * The data keys of DATA_KEYS by id, and the active one (DATA_KEY_ACTIVE).
 * Values are always encrypted under the active key; any key of the ring can
 * decrypt, so a value written under an older key stays readable until the
 * rotation command has re-encrypted it.
 */
export class KeyRing {
  constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly activeId: string,
  ) {
    if (!keys.has(activeId)) throw new UnknownDataKeyError(activeId);
  }

  /** The key with this id; throws UnknownDataKeyError when the ring lacks it. */
  key(id: string): Buffer {
    const key = this.keys.get(id);
    if (!key) throw new UnknownDataKeyError(id);
    return key;
  }

  has(id: string): boolean {
    return this.keys.has(id);
  }

  ids(): string[] {
    return [...this.keys.keys()];
  }
}
