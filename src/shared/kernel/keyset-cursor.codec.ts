import { isUuid } from './id-cursor';
import { ValidationError } from './validation.error';

/** A sort key a cursor carries beside the id: a non-negative integer such as a price or a count. */
export interface KeysetKey<TField extends string> {
  /** Its name in what `encode` reads and in the position `decode` returns. */
  readonly field: TField;
  /** Its short property name inside the cursor's JSON (part of the wire format: never rename). */
  readonly wire: string;
}

/** Where a page starts: after the item with this id and these sort keys (those of its sort only). */
export type KeysetPosition<TField extends string> = { readonly id: string } & {
  readonly [K in TField]?: number;
};

/**
 * Opaque cursors of keyset-paginated lists: base64url JSON `{ s, id, ...keys }` of
 * the last item of a page, bound to the sort it was made for. Every sort names the
 * keys it orders by besides the (time-ordered) id. A cursor that does not decode,
 * was made for another sort or carries a malformed key is a VALIDATION_FAILED on
 * `cursor`, never a 500.
 */
export class KeysetCursorCodec<TSort extends string, TField extends string = never> {
  constructor(private readonly keysBySort: Readonly<Record<TSort, readonly KeysetKey<TField>[]>>) {}

  /** The cursor of the page that follows `last` in `sort`. */
  encode(sort: TSort, last: { readonly id: string } & Readonly<Record<TField, number>>): string {
    // Property order is part of the wire format: s, id, then the sort's keys.
    const body: Record<string, unknown> = { s: sort, id: last.id };
    for (const key of this.keysBySort[sort]) body[key.wire] = last[key.field];
    return Buffer.from(JSON.stringify(body)).toString('base64url');
  }

  /** The position a cursor of `sort` stands for; throws ValidationError on `cursor` otherwise. */
  decode(sort: TSort, cursor: string): KeysetPosition<TField> {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    } catch {
      throw invalid();
    }
    // `null` is valid JSON: without this check it fails with a TypeError (a 500).
    if (typeof body !== 'object' || body === null) throw invalid();
    const fields = body as Record<string, unknown>;
    if (fields.s !== sort || typeof fields.id !== 'string' || !isUuid(fields.id)) throw invalid();
    const position: Record<string, number | string> = { id: fields.id };
    for (const key of this.keysBySort[sort]) {
      const value = fields[key.wire];
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw invalid();
      position[key.field] = value;
    }
    return position as KeysetPosition<TField>;
  }
}

function invalid(): ValidationError {
  return new ValidationError([
    { field: 'cursor', message: 'cursor is not valid for this list and sort' },
  ]);
}
