import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { ProductCursorCodec } from './product-cursor.codec';
import { PRODUCT_SORTS, ProductSort } from './product-list-criteria';

const ID = '0193a7e2-5c1d-7b3e-9f10-2a4b6c8d0e1f';
const sut = ProductCursorCodec;

/** Cursors written by the codec before it became a KeysetCursorCodec: clients may still hold them. */
const ISSUED_BEFORE = {
  newest: 'eyJzIjoibmV3ZXN0IiwiaWQiOiIwMTkzYTdlMi01YzFkLTdiM2UtOWYxMC0yYTRiNmM4ZDBlMWYifQ',
  price_asc:
    'eyJzIjoicHJpY2VfYXNjIiwiaWQiOiIwMTkzYTdlMi01YzFkLTdiM2UtOWYxMC0yYTRiNmM4ZDBlMWYiLCJwIjoxMjAwfQ',
  price_desc:
    'eyJzIjoicHJpY2VfZGVzYyIsImlkIjoiMDE5M2E3ZTItNWMxZC03YjNlLTlmMTAtMmE0YjZjOGQwZTFmIiwicCI6MH0',
};

describe('ProductCursorCodec', () => {
  it('decodes cursors issued before the shared codec, and still issues the same strings', () => {
    expect(sut.decode('newest', ISSUED_BEFORE.newest)).toEqual({ id: ID });
    expect(sut.decode('price_asc', ISSUED_BEFORE.price_asc)).toEqual({ id: ID, price: 1200 });
    expect(sut.decode('price_desc', ISSUED_BEFORE.price_desc)).toEqual({ id: ID, price: 0 });
    expect(sut.encode('newest', { id: ID, price: 1200 })).toBe(ISSUED_BEFORE.newest);
    expect(sut.encode('price_asc', { id: ID, price: 1200 })).toBe(ISSUED_BEFORE.price_asc);
    expect(sut.encode('price_desc', { id: ID, price: 0 })).toBe(ISSUED_BEFORE.price_desc);
  });

  it('round-trips the id for newest, without a price', () => {
    expect(sut.decode('newest', sut.encode('newest', { id: ID, price: 1200 }))).toEqual({ id: ID });
  });

  it.each<ProductSort>(['price_asc', 'price_desc'])('round-trips id and price for %s', (sort) => {
    expect(sut.decode(sort, sut.encode(sort, { id: ID, price: 1200 }))).toEqual({
      id: ID,
      price: 1200,
    });
  });

  it.each(
    PRODUCT_SORTS.flatMap((from) =>
      PRODUCT_SORTS.filter((to) => to !== from).map((to) => [from, to] as const),
    ),
  )('rejects a %s cursor used with sort %s', (from, to) => {
    const cursor = sut.encode(from, { id: ID, price: 1200 });

    expect(() => sut.decode(to, cursor)).toThrow(ValidationError);
  });

  it('rejects a price sort cursor without its price', () => {
    const noPrice = Buffer.from(JSON.stringify({ s: 'price_asc', id: ID })).toString('base64url');

    expect(() => sut.decode('price_asc', noPrice)).toThrow(ValidationError);
  });
});
