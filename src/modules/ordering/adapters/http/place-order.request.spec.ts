import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '../../../../platform/http/validation.pipe';
import { ValidationError } from '../../../../shared/kernel/validation.error';
import { OrderItemRequest } from './order-item.request';
import { PlaceOrderRequest } from './place-order.request';
import { ShippingAddressRequest } from './shipping-address.request';

const P1 = '0190f3a1-7a3b-7c1d-8e2f-123456789abc';
const P2 = '0190f3a1-7a3b-7c1d-8e2f-123456789abd';
const HOME = {
  recipient: 'Jane Doe',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '110 Sejong-daero',
  line2: 'Apt 1203',
};
const valid = { items: [{ productId: P1, quantity: 2 }], address: HOME };
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    productId: `0190f3a1-7a3b-7c1d-8e2f-${String(i).padStart(12, '0')}`,
    quantity: 1,
  }));

/** Bodies ValidationPipe accepts, and bodies it rejects, near every rule of the DTO. */
const bodies: Record<string, unknown> = {
  'one line, inline address': valid,
  'two lines, every option': {
    items: [
      { productId: P1, quantity: 1 },
      { quantity: 100, productId: P2 },
    ],
    userCouponId: P2,
    pointsToUse: 0,
    addressId: P1,
  },
  'options null': { ...valid, userCouponId: null, pointsToUse: null, addressId: null },
  'address null': { items: valid.items, address: null },
  'line2 null': { ...valid, address: { ...HOME, line2: null } },
  'line2 missing': { ...valid, address: { ...HOME, line2: undefined } },
  '50 lines': { items: many(50) },
  'longest address fields': {
    ...valid,
    address: { ...HOME, recipient: 'x'.repeat(200), line1: 'é'.repeat(400) },
  },
  'points at the top': { ...valid, pointsToUse: 100_000_000 },
  'upper-case uuid': { items: [{ productId: P1.toUpperCase(), quantity: 1 }] },
  // rejected
  'no items': { address: HOME },
  'empty items': { items: [] },
  '51 lines': { items: many(51) },
  'items not an array': { items: { productId: P1, quantity: 1 } },
  'line not an object': { items: [P1] },
  'line an array': { items: [[P1, 1]] },
  'line null': { items: [null] },
  'bad uuid': { items: [{ productId: 'p-1', quantity: 1 }] },
  'quantity 0': { items: [{ productId: P1, quantity: 0 }] },
  'quantity 101': { items: [{ productId: P1, quantity: 101 }] },
  'quantity 1.5': { items: [{ productId: P1, quantity: 1.5 }] },
  'quantity as text': { items: [{ productId: P1, quantity: '2' }] },
  'unknown line field': { items: [{ productId: P1, quantity: 1, price: 1 }] },
  'unknown body field': { ...valid, note: 'x' },
  'constructor field': { ...valid, constructor: 'x' },
  'negative points': { ...valid, pointsToUse: -1 },
  'too many points': { ...valid, pointsToUse: 100_000_001 },
  'points as text': { ...valid, pointsToUse: '5' },
  'coupon not a uuid': { ...valid, userCouponId: 'c-1' },
  'addressId not a uuid': { items: valid.items, addressId: 7 },
  'address a string': { items: valid.items, address: 'Seoul' },
  'address an array': { items: valid.items, address: [HOME] },
  'address field missing': { ...valid, address: { ...HOME, phone: undefined } },
  'address field too long': { ...valid, address: { ...HOME, line1: 'x'.repeat(401) } },
  'address field a number': { ...valid, address: { ...HOME, postalCode: 4524 } },
  'unknown address field': { ...valid, address: { ...HOME, city: 'Seoul' } },
  'body an array': [valid],
  'body null': null,
  'body a string': 'items',
};

const metadata: ArgumentMetadata = { type: 'body', metatype: PlaceOrderRequest };

/** What a pipe answers: the returned value with its classes, or the problem's fields and messages. */
async function outcome(pipe: ValidationPipe, body: unknown): Promise<unknown> {
  // Each pipe gets its own copy: ValidationPipe may change the value it is given.
  const copy: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
  try {
    const value = (await pipe.transform(copy, metadata)) as PlaceOrderRequest;
    return {
      value: JSON.parse(JSON.stringify(value)) as unknown,
      keys: Object.keys(value),
      classes: [
        value.constructor.name,
        ...(value.items ?? []).map((line) => line.constructor.name),
        value.address ? value.address.constructor.name : String(value.address),
      ],
    };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { code: error.code, errors: error.errors };
  }
}

describe('PlaceOrderRequest compiled check', () => {
  const sut = createValidationPipe();
  const reference = createValidationPipe({ compiledChecks: false });

  it.each(Object.entries(bodies))('answers as class-validator does: %s', async (_name, body) => {
    expect(await outcome(sut, body)).toEqual(await outcome(reference, body));
  });

  it('returns instances of the request classes for a valid body', async () => {
    const value = (await sut.transform(
      JSON.parse(JSON.stringify(valid)),
      metadata,
    )) as PlaceOrderRequest;

    expect(value).toBeInstanceOf(PlaceOrderRequest);
    expect(value.items[0]).toBeInstanceOf(OrderItemRequest);
    expect(value.address).toBeInstanceOf(ShippingAddressRequest);
    expect(value).toEqual(await reference.transform(JSON.parse(JSON.stringify(valid)), metadata));
  });

  it('accepts the valid bodies without class-validator, and leaves the others to it', async () => {
    const classValidator = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      await sut.transform(JSON.parse(JSON.stringify(bodies['two lines, every option'])), metadata);
      await sut.transform(JSON.parse(JSON.stringify(bodies['50 lines'])), metadata);
      expect(classValidator).not.toHaveBeenCalled();

      await sut.transform({ items: [] }, metadata).catch(() => undefined);
      expect(classValidator).toHaveBeenCalledTimes(1);
    } finally {
      classValidator.mockRestore();
    }
  });

  it('rejects with VALIDATION_FAILED naming the field, as before', async () => {
    const error = (await sut
      .transform({ items: [{ productId: P1, quantity: 0 }] }, metadata)
      .catch((e: unknown) => e)) as ValidationError;

    expect(error).toBeInstanceOf(ValidationError);
    expect(error.errors.map((e) => e.field)).toEqual(['items[0].quantity']);
  });
});
