import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { ProductCursorCodec } from './product-cursor.codec';
import { PRODUCT_SORTS, ProductSort } from './product-list-criteria';

const ID = '0193a7e2-5c1d-7b3e-9f10-2a4b6c8d0e1f';
const sut = ProductCursorCodec;

const raw = (body: unknown): string =>
  Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)).toString('base64url');

function rejection(sort: ProductSort, cursor: string): ValidationError {
  try {
    sut.decode(sort, cursor);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`cursor ${cursor} was accepted for ${sort}`);
}

describe('ProductCursorCodec', () => {
  it('round-trips the id for newest, without a price', () => {
    expect(sut.decode('newest', sut.encode('newest', { id: ID, price: 1200 }))).toEqual({ id: ID });
  });

  it.each<ProductSort>(['price_asc', 'price_desc'])('round-trips id and price for %s', (sort) => {
    expect(sut.decode(sort, sut.encode(sort, { id: ID, price: 1200 }))).toEqual({
      id: ID,
      price: 1200,
    });
  });

  it('round-trips price 0', () => {
    expect(sut.decode('price_asc', sut.encode('price_asc', { id: ID, price: 0 }))).toEqual({
      id: ID,
      price: 0,
    });
  });

  it('produces URL-safe cursors', () => {
    for (const sort of PRODUCT_SORTS) {
      expect(sut.encode(sort, { id: ID, price: 99_999_999 })).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it.each(
    PRODUCT_SORTS.flatMap((from) =>
      PRODUCT_SORTS.filter((to) => to !== from).map((to) => [from, to] as const),
    ),
  )('rejects a %s cursor used with sort %s', (from, to) => {
    const cursor = sut.encode(from, { id: ID, price: 1200 });

    expect(rejection(to, cursor).errors.map((e) => e.field)).toEqual(['cursor']);
  });

  it.each<[string, ProductSort, string]>([
    ['not base64 JSON', 'newest', 'not-a-cursor'],
    ['empty', 'newest', ''],
    ['JSON null', 'newest', raw('null')],
    ['JSON null for a price sort', 'price_asc', raw('null')],
    ['a JSON number', 'newest', raw('42')],
    ['a JSON string', 'newest', raw('"newest"')],
    ['a JSON array', 'newest', raw([ID])],
    ['without an id', 'newest', raw({ s: 'newest' })],
    ['with an id that is not a UUID', 'newest', raw({ s: 'newest', id: "x' OR 1=1 --" })],
    ['with an upper-case UUID', 'newest', raw({ s: 'newest', id: ID.toUpperCase() })],
    ['without a price for a price sort', 'price_asc', raw({ s: 'price_asc', id: ID })],
    ['with a price as text', 'price_desc', raw({ s: 'price_desc', id: ID, p: '1200' })],
    ['with a negative price', 'price_asc', raw({ s: 'price_asc', id: ID, p: -1 })],
    ['with a fractional price', 'price_asc', raw({ s: 'price_asc', id: ID, p: 1.5 })],
  ])('rejects a cursor that is %s with ValidationError on cursor', (_label, sort, cursor) => {
    expect(rejection(sort, cursor).errors.map((e) => e.field)).toEqual(['cursor']);
  });

  it('rejects a cursor whose price was tampered into another sort key type', () => {
    const genuine = JSON.parse(
      Buffer.from(sut.encode('price_asc', { id: ID, price: 1200 }), 'base64url').toString(),
    ) as Record<string, unknown>;

    expect(() => sut.decode('price_asc', raw({ ...genuine, p: null }))).toThrow(ValidationError);
    expect(sut.decode('price_asc', raw({ ...genuine, p: 5 }))).toEqual({ id: ID, price: 5 });
  });
});
