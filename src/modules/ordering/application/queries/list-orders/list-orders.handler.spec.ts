import { ValidationError } from '../../../../../shared/kernel/validation.error';
import { InMemoryOrderReadModel } from '../../testing/in-memory-order.read-model.fake';
import { OrderView } from '../get-order/order.view';
import { ListOrdersHandler } from './list-orders.handler';
import { ListOrdersQuery } from './list-orders.query';

/** The n-th order of the test, as a time-ordered UUIDv7: a greater n is newer. */
function orderId(n: number): string {
  return `0195a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
}

function view(n: number): OrderView {
  return {
    id: orderId(n),
    status: 'PAID',
    items: [{ productId: 'p-1', name: 'Mug', unitPrice: 1_000, quantity: n, lineTotal: n * 1_000 }],
    subtotal: n * 1_000,
    discount: 0,
    pointsUsed: 0,
    paidAmount: n * 1_000,
    pointsEarned: n * 10,
    userCouponId: null,
    shippingAddress: null,
    createdAt: new Date(Date.UTC(2025, 2, n)).toISOString(),
    cancelledAt: null,
    fulfillment: { status: 'READY' },
  };
}

describe(ListOrdersHandler.name, () => {
  let orders: InMemoryOrderReadModel;
  let sut: ListOrdersHandler;

  beforeEach(() => {
    orders = new InMemoryOrderReadModel();
    for (const n of [1, 2, 3, 4, 5]) orders.put('user-1', view(n));
    orders.put('user-2', view(6));
    sut = new ListOrdersHandler(orders);
  });

  it("walks the caller's orders newest first, page by page, ending with a null cursor", async () => {
    const first = await sut.execute(new ListOrdersQuery('user-1', 2));
    expect(first.items.map((o) => o.id)).toEqual([orderId(5), orderId(4)]);
    expect(first.nextCursor).toEqual(expect.any(String));

    const second = await sut.execute(new ListOrdersQuery('user-1', 2, first.nextCursor!));
    expect(second.items.map((o) => o.id)).toEqual([orderId(3), orderId(2)]);
    expect(second.nextCursor).toEqual(expect.any(String));

    const last = await sut.execute(new ListOrdersQuery('user-1', 2, second.nextCursor!));
    expect(last.items.map((o) => o.id)).toEqual([orderId(1)]);
    expect(last.nextCursor).toBeNull();
  });

  it('gives a null cursor when the last page is exactly full', async () => {
    const page = await sut.execute(new ListOrdersQuery('user-1', 5));

    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toBeNull();
  });

  it('gives an empty page to a user without orders', async () => {
    expect(await sut.execute(new ListOrdersQuery('user-3', 20))).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['an encoded non-id', Buffer.from('hello').toString('base64url')],
    ['an empty string', ''],
  ])('rejects %s as cursor with a ValidationError on `cursor`', async (_case, cursor) => {
    const error = await sut
      .execute(new ListOrdersQuery('user-1', 2, cursor))
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.field)).toEqual(['cursor']);
  });
});
