import { isUuid } from '../../../../../shared/kernel/id-cursor';
import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { ReviewPosition, ReviewSort } from './review-sort';

/** Opaque cursors of review pages: base64url JSON of the last item's sort key, bound to the sort. */
export const ReviewCursorCodec = {
  encode(sort: ReviewSort, last: { id: string; helpfulCount: number }): string {
    const body =
      sort === 'newest' ? { s: sort, id: last.id } : { s: sort, id: last.id, h: last.helpfulCount };
    return Buffer.from(JSON.stringify(body)).toString('base64url');
  },

  decode(sort: ReviewSort, cursor: string): ReviewPosition {
    let body: { s?: unknown; id?: unknown; h?: unknown } | null;
    try {
      body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof body;
    } catch {
      throw invalid();
    }
    if (typeof body !== 'object' || body === null) throw invalid();
    if (body.s !== sort || typeof body.id !== 'string' || !isUuid(body.id)) throw invalid();
    if (sort === 'newest') return { id: body.id };
    if (typeof body.h !== 'number' || !Number.isInteger(body.h) || body.h < 0) throw invalid();
    return { id: body.id, helpful: body.h };
  },
};

function invalid(): ValidationError {
  return new ValidationError([
    { field: 'cursor', message: 'cursor is not valid for this list and sort' },
  ]);
}
