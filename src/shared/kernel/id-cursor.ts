import { ValidationError } from './validation.error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True for a lower-case canonical UUID, the form every id of the system has. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * The opaque cursor of lists ordered by a time-ordered UUIDv7 id: the last
 * id, base64url. A cursor that does not decode to an id is a VALIDATION_FAILED
 * on `cursor`.
 */
export const IdCursor = {
  encode(id: string): string {
    return Buffer.from(id).toString('base64url');
  },

  decode(cursor: string): string {
    const id = Buffer.from(cursor, 'base64url').toString('latin1');
    if (!isUuid(id))
      throw new ValidationError([
        { field: 'cursor', message: 'cursor is not valid for this list' },
      ]);
    return id;
  },
};
