import { ConfigError } from './config.error';

type Env = Record<string, string | undefined>;

/** Keys for personal data at rest (ADR 0032), read from DATA_KEYS, DATA_KEY_ACTIVE and BLIND_INDEX_KEY. */
export interface PersonalDataConfig {
  /** Key ring: key id → 32-byte key. New values are encrypted under `activeKeyId`. */
  readonly keys: ReadonlyMap<string, Buffer>;
  readonly activeKeyId: string;
  /** HMAC-SHA-256 key of blind indexes (e-mail lookups) and pseudonyms; never a data key. */
  readonly blindIndexKey: Buffer;
  /** Schema of the member-key vault, apart from the shop database (ADR 0035). */
  readonly keySchema: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const SCHEMA = /^[A-Za-z0-9_]{1,64}$/;

/** 32 random bytes, given as base64 (or base64url); the message never quotes the value. */
function key32(variable: string, what: string, raw: string): Buffer {
  const value = raw.trim();
  if (!BASE64.test(value) && !BASE64URL.test(value))
    throw new ConfigError(variable, `${what} is not base64`);
  const bytes = Buffer.from(value, BASE64.test(value) ? 'base64' : 'base64url');
  if (bytes.length !== 32)
    throw new ConfigError(variable, `${what} must decode to 32 bytes, got ${bytes.length}`);
  // 32 random bytes have about 30 distinct values; a key with few is a placeholder, not a key.
  if (new Set(bytes).size < 16)
    throw new ConfigError(variable, `${what} is not random (too few distinct bytes)`);
  return bytes;
}

/** The schema name of the vault: MEMBER_KEYS_SCHEMA, or `<database>_keys`. */
export function memberKeySchema(env: Env, database: string): string {
  const raw = env.MEMBER_KEYS_SCHEMA?.trim();
  const schema = raw ? raw : `${database}_keys`;
  if (!SCHEMA.test(schema))
    throw new ConfigError('MEMBER_KEYS_SCHEMA', 'must be 1 to 64 letters, digits or underscores');
  if (schema === database)
    throw new ConfigError('MEMBER_KEYS_SCHEMA', 'must not be the shop database itself');
  return schema;
}

/**
 * Parses the personal-data keys; throws a ConfigError naming the variable on
 * anything missing or malformed. Key material never appears in a message.
 */
export function readPersonalDataConfig(env: Env, database: string): PersonalDataConfig {
  const ring = env.DATA_KEYS?.trim();
  if (!ring) throw new ConfigError('DATA_KEYS', 'is required (comma-separated id:base64 entries)');
  const keys = new Map<string, Buffer>();
  ring
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .forEach((entry, index) => {
      const colon = entry.indexOf(':');
      const id = colon < 0 ? '' : entry.slice(0, colon).trim();
      if (!KEY_ID.test(id))
        throw new ConfigError(
          'DATA_KEYS',
          `entry ${index + 1} must be id:base64 with an id of 1 to 16 letters, digits, _ or -`,
        );
      if (keys.has(id)) throw new ConfigError('DATA_KEYS', `key id "${id}" appears twice`);
      keys.set(id, key32('DATA_KEYS', `key "${id}"`, entry.slice(colon + 1)));
    });
  if (keys.size === 0) throw new ConfigError('DATA_KEYS', 'has no key');

  const active = env.DATA_KEY_ACTIVE?.trim();
  const activeKeyId = active ? active : [...keys.keys()][0]!;
  if (!keys.has(activeKeyId))
    throw new ConfigError('DATA_KEY_ACTIVE', `names "${activeKeyId}", which is not in DATA_KEYS`);

  const blind = env.BLIND_INDEX_KEY?.trim();
  if (!blind) throw new ConfigError('BLIND_INDEX_KEY', 'is required with DATA_KEYS');
  const blindIndexKey = key32('BLIND_INDEX_KEY', 'the key', blind);
  for (const [id, key] of keys)
    if (key.equals(blindIndexKey))
      throw new ConfigError('BLIND_INDEX_KEY', `must differ from DATA_KEYS key "${id}"`);

  return { keys, activeKeyId, blindIndexKey, keySchema: memberKeySchema(env, database) };
}
