import { KeysetCursorCodec } from './keyset-cursor.codec';
import { ValidationError } from './validation.error';

type Sort = 'newest' | 'ranked' | 'two_keys';
const ID = '0193a7e2-5c1d-7b3e-9f10-2a4b6c8d0e1f';
const sut = new KeysetCursorCodec<Sort, 'rank' | 'score'>({
  newest: [],
  ranked: [{ field: 'rank', wire: 'r' }],
  two_keys: [
    { field: 'score', wire: 'c' },
    { field: 'rank', wire: 'r' },
  ],
});
const LAST = { id: ID, rank: 12, score: 3 };

const raw = (body: unknown): string =>
  Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64url');
const json = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');

function rejection(sort: Sort, cursor: string): ValidationError {
  try {
    sut.decode(sort, cursor);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`cursor ${cursor} was accepted for ${sort}`);
}

describe(KeysetCursorCodec.name, () => {
  it('writes s, id and then the keys of the sort, in their order, and nothing else', () => {
    expect(json(sut.encode('newest', LAST))).toBe(`{"s":"newest","id":"${ID}"}`);
    expect(json(sut.encode('ranked', LAST))).toBe(`{"s":"ranked","id":"${ID}","r":12}`);
    expect(json(sut.encode('two_keys', LAST))).toBe(`{"s":"two_keys","id":"${ID}","c":3,"r":12}`);
  });

  it('decodes to the id plus the keys of the sort under their field names', () => {
    expect(sut.decode('newest', sut.encode('newest', LAST))).toEqual({ id: ID });
    expect(sut.decode('ranked', sut.encode('ranked', LAST))).toEqual({ id: ID, rank: 12 });
    expect(sut.decode('two_keys', sut.encode('two_keys', LAST))).toEqual({
      id: ID,
      rank: 12,
      score: 3,
    });
  });

  it('round-trips a key of 0', () => {
    expect(sut.decode('ranked', sut.encode('ranked', { ...LAST, rank: 0 }))).toEqual({
      id: ID,
      rank: 0,
    });
  });

  it('produces URL-safe cursors', () => {
    expect(sut.encode('two_keys', { id: ID, rank: 99_999_999, score: 1 })).toMatch(
      /^[A-Za-z0-9_-]+$/,
    );
  });

  it.each<[string, Sort, string]>([
    ['not base64 JSON', 'newest', 'not-a-cursor'],
    ['empty', 'newest', ''],
    ['JSON null', 'newest', raw('null')],
    ['JSON null for a keyed sort', 'ranked', raw('null')],
    ['a JSON number', 'newest', raw('42')],
    ['a JSON string', 'newest', raw('"newest"')],
    ['a JSON array', 'newest', raw([ID])],
    ['without an id', 'newest', raw({ s: 'newest' })],
    ['without a sort', 'newest', raw({ id: ID })],
    ['made for another sort', 'newest', raw({ s: 'ranked', id: ID, r: 1 })],
    ['with an id that is not a UUID', 'newest', raw({ s: 'newest', id: "x' OR 1=1 --" })],
    ['with an upper-case UUID', 'newest', raw({ s: 'newest', id: ID.toUpperCase() })],
    ['without the key of its sort', 'ranked', raw({ s: 'ranked', id: ID })],
    ['without one of two keys', 'two_keys', raw({ s: 'two_keys', id: ID, r: 1 })],
    ['with a key as text', 'ranked', raw({ s: 'ranked', id: ID, r: '12' })],
    ['with a null key', 'ranked', raw({ s: 'ranked', id: ID, r: null })],
    ['with a negative key', 'ranked', raw({ s: 'ranked', id: ID, r: -1 })],
    ['with a fractional key', 'ranked', raw({ s: 'ranked', id: ID, r: 1.5 })],
  ])('rejects a cursor that is %s with ValidationError on cursor', (_label, sort, cursor) => {
    const error = rejection(sort, cursor);

    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.errors).toEqual([
      { field: 'cursor', message: 'cursor is not valid for this list and sort' },
    ]);
  });
});
