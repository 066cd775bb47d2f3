import { IdempotencyKeyMissingError } from './idempotency-key-missing.error';

/** 1 to 100 characters: letters, digits, `_`, `-`, `:` and `.` (UUIDs, ULIDs, `order:42.retry`). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_\-:.]{1,100}$/;

/** The header's value as a key; IDEMPOTENCY_KEY_MISSING when absent, repeated or malformed. */
export function parseIdempotencyKey(header: unknown): string {
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new IdempotencyKeyMissingError();
  }
  return header;
}
