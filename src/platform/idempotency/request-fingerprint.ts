import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every depth, so that two bodies meaning the
 * same thing (`{"a":1,"b":2}` and `{ "b": 2, "a": 1 }`) hash alike. Arrays keep
 * their order; `undefined` members are dropped as JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return '';
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const source = member as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(source)
        .sort()
        .map((key) => [key, source[key]]),
    );
  });
}

/** SHA-256 (hex) of method, path with query, and canonical body: what "the same request" means. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()}\n${path}\n${canonicalJson(body)}`)
    .digest('hex');
}
