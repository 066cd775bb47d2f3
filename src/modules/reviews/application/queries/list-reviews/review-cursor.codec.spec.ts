import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { ReviewCursorCodec } from './review-cursor.codec';

const ID = '0193a7e2-5c1d-7b3e-9f10-2a4b6c8d0e1f';
const sut = ReviewCursorCodec;

/** Cursors written by the codec before it became a KeysetCursorCodec: clients may still hold them. */
const ISSUED_BEFORE = {
  newest: 'eyJzIjoibmV3ZXN0IiwiaWQiOiIwMTkzYTdlMi01YzFkLTdiM2UtOWYxMC0yYTRiNmM4ZDBlMWYifQ',
  helpful:
    'eyJzIjoiaGVscGZ1bCIsImlkIjoiMDE5M2E3ZTItNWMxZC03YjNlLTlmMTAtMmE0YjZjOGQwZTFmIiwiaCI6N30',
};

describe('ReviewCursorCodec', () => {
  it('decodes cursors issued before the shared codec, and still issues the same strings', () => {
    expect(sut.decode('newest', ISSUED_BEFORE.newest)).toEqual({ id: ID });
    expect(sut.decode('helpful', ISSUED_BEFORE.helpful)).toEqual({ id: ID, helpful: 7 });
    expect(sut.encode('newest', { id: ID, helpful: 7 })).toBe(ISSUED_BEFORE.newest);
    expect(sut.encode('helpful', { id: ID, helpful: 7 })).toBe(ISSUED_BEFORE.helpful);
  });

  it('binds a cursor to its sort', () => {
    expect(() => sut.decode('helpful', ISSUED_BEFORE.newest)).toThrow(ValidationError);
    expect(() => sut.decode('newest', ISSUED_BEFORE.helpful)).toThrow(ValidationError);
  });

  it('rejects a helpful cursor without its helpful count', () => {
    const noCount = Buffer.from(JSON.stringify({ s: 'helpful', id: ID })).toString('base64url');

    expect(() => sut.decode('helpful', noCount)).toThrow(ValidationError);
  });
});
