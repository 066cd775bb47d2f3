import { isUuid } from '../../../../../shared/kernel/id-cursor';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { ProductCursor, ProductSort } from './product-list-criteria';

/** Opaque list cursors: base64url JSON of the sort key of the last item, bound to its sort. */
export const ProductCursorCodec = {
  encode(sort: ProductSort, last: { id: string; price: number }): string {
    const body =
      sort === 'newest' ? { s: sort, id: last.id } : { s: sort, id: last.id, p: last.price };
    return Buffer.from(JSON.stringify(body)).toString('base64url');
  },

  decode(sort: ProductSort, cursor: string): ProductCursor {
    let body: { s?: unknown; id?: unknown; p?: unknown } | null;
    try {
      body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof body;
    } catch {
      throw invalid();
    }
    // `null` is valid JSON: without this check it fails with a TypeError (a 500).
    if (typeof body !== 'object' || body === null) throw invalid();
    if (body.s !== sort || typeof body.id !== 'string' || !isUuid(body.id)) throw invalid();
    if (sort === 'newest') return { id: body.id };
    if (typeof body.p !== 'number' || !Number.isInteger(body.p) || body.p < 0) throw invalid();
    return { id: body.id, price: body.p };
  },
};

function invalid(): ValidationError {
  return new ValidationError([
    { field: 'cursor', message: 'cursor is not valid for this list and sort' },
  ]);
}
