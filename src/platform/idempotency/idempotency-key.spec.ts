import { IdempotencyKeyMissingError } from './idempotency-key-missing.error';
import { parseIdempotencyKey } from './idempotency-key';

describe(parseIdempotencyKey.name, () => {
  it.each([
    'a',
    '0b1f7c2e-5d7a-4c8e-9f3b-1a2b3c4d5e6f',
    '01HZX3K8Q9R7S6T5V4W3X2Y1Z0',
    'order:42.retry_1-b',
    'k'.repeat(100),
  ])('accepts %p as is', (key) => {
    expect(parseIdempotencyKey(key)).toBe(key);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty value', ''],
    ['101 characters', 'k'.repeat(101)],
    ['a space', 'two words'],
    ['a slash', 'a/b'],
    ['non-ASCII', 'clé'],
    ['a repeated header', ['a', 'b']],
  ])('rejects %s with IDEMPOTENCY_KEY_MISSING', (_label, header) => {
    expect(() => parseIdempotencyKey(header)).toThrow(IdempotencyKeyMissingError);
  });
});
