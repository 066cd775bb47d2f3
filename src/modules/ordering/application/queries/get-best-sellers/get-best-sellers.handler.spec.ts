import { FixedClock } from '../../../../../shared/kernel/testing/fixed-clock.fake';
import { FakeProductCatalog } from '../../testing/fake-product-catalog.fake';
import { FakeSalesRanking } from '../../testing/fake-sales-ranking.fake';
import { InMemoryOrderReadModel } from '../../testing/in-memory-order.read-model.fake';
import { OrderView } from '../get-order/order.view';
import { GetBestSellersHandler } from './get-best-sellers.handler';
import { GetBestSellersQuery } from './get-best-sellers.query';

const NOW = new Date('2025-03-10T15:30:00.000Z');

function paidOrder(
  id: string,
  createdAt: string,
  lines: Array<[string, number]>,
  status: OrderView['status'] = 'PAID',
): OrderView {
  return {
    id,
    status,
    items: lines.map(([productId, quantity]) => ({
      productId,
      name: productId,
      unitPrice: 1_000,
      quantity,
      lineTotal: quantity * 1_000,
    })),
    subtotal: 0,
    discount: 0,
    pointsUsed: 0,
    paidAmount: 0,
    pointsEarned: 0,
    userCouponId: null,
    shippingAddress: null,
    createdAt,
    cancelledAt: null,
    fulfillment: { status: 'READY' },
  };
}

describe(GetBestSellersHandler.name, () => {
  let ranking: FakeSalesRanking;
  let orders: InMemoryOrderReadModel;
  let catalog: FakeProductCatalog;
  let sut: GetBestSellersHandler;

  beforeEach(() => {
    ranking = new FakeSalesRanking();
    orders = new InMemoryOrderReadModel();
    catalog = new FakeProductCatalog();
    sut = new GetBestSellersHandler(ranking, orders, catalog, new FixedClock(NOW));
    for (const id of ['p-1', 'p-2', 'p-3', 'p-4', 'p-5']) catalog.put({ id });
  });

  it('spans whole UTC days: from the first day at 00:00 to now', async () => {
    const result = await sut.execute(new GetBestSellersQuery(3, 5));

    expect(result.from).toBe('2025-03-08T00:00:00.000Z');
    expect(result.to).toBe(NOW.toISOString());
    expect(ranking.topCalls.map(({ fromDay, toDay }) => [fromDay, toDay])).toEqual([
      ['2025-03-08', '2025-03-10'],
    ]);
  });

  it('with days = 1 covers today only', async () => {
    const result = await sut.execute(new GetBestSellersQuery(1, 5));

    expect(result.from).toBe('2025-03-10T00:00:00.000Z');
    expect(ranking.topCalls[0]).toMatchObject({ fromDay: '2025-03-10', toDay: '2025-03-10' });
  });

  it('uses the ranking when it answers, summing the days of the window', async () => {
    await ranking.record('e1', '2025-03-07', [{ productId: 'p-1', soldQuantity: 100 }]);
    await ranking.record('e2', '2025-03-08', [
      { productId: 'p-2', soldQuantity: 3 },
      { productId: 'p-3', soldQuantity: 5 },
    ]);
    await ranking.record('e3', '2025-03-10', [{ productId: 'p-2', soldQuantity: 4 }]);
    orders.put('user-1', paidOrder('o-1', '2025-03-10T01:00:00.000Z', [['p-4', 50]]));

    const result = await sut.execute(new GetBestSellersQuery(3, 5));

    expect(result.items.map((item) => [item.product.id, item.soldQuantity])).toEqual([
      ['p-2', 7],
      ['p-3', 5],
    ]);
    expect(result.items[0]!.product).toMatchObject({
      id: 'p-2',
      name: 'Product p-2',
      status: 'ACTIVE',
    });
    expect(orders.bestSellersCalls).toEqual([]);
  });

  it('falls back to the orders when the ranking is unavailable', async () => {
    ranking.unavailable = true;
    orders.put('user-1', paidOrder('o-1', '2025-03-08T00:00:00.000Z', [['p-4', 2]]));
    orders.put(
      'user-2',
      paidOrder('o-2', '2025-03-10T09:00:00.000Z', [
        ['p-5', 3],
        ['p-4', 2],
      ]),
    );
    orders.put('user-2', paidOrder('o-3', '2025-03-07T23:59:59.999Z', [['p-1', 99]]));
    orders.put('user-2', paidOrder('o-4', '2025-03-09T00:00:00.000Z', [['p-2', 99]], 'CANCELLED'));

    const result = await sut.execute(new GetBestSellersQuery(3, 5));

    expect(orders.bestSellersCalls.map((call) => call.from.toISOString())).toEqual([
      '2025-03-08T00:00:00.000Z',
    ]);
    expect(result.items.map((item) => [item.product.id, item.soldQuantity])).toEqual([
      ['p-4', 4],
      ['p-5', 3],
    ]);
  });

  it('falls back to the orders when the ranking holds nothing for the window', async () => {
    await ranking.record('e1', '2025-03-01', [{ productId: 'p-1', soldQuantity: 9 }]);
    orders.put('user-1', paidOrder('o-1', '2025-03-09T00:00:00.000Z', [['p-3', 1]]));

    const result = await sut.execute(new GetBestSellersQuery(3, 5));

    expect(orders.bestSellersCalls).toHaveLength(1);
    expect(result.items.map((item) => item.product.id)).toEqual(['p-3']);
  });

  it('skips hidden and unknown products and still fills up to the limit', async () => {
    catalog.put({ id: 'p-1', status: 'HIDDEN' });
    await ranking.record('e1', '2025-03-10', [
      { productId: 'p-1', soldQuantity: 10 },
      { productId: 'p-gone', soldQuantity: 9 },
      { productId: 'p-2', soldQuantity: 8 },
      { productId: 'p-3', soldQuantity: 7 },
      { productId: 'p-4', soldQuantity: 6 },
    ]);

    const result = await sut.execute(new GetBestSellersQuery(1, 2));

    expect(result.items.map((item) => [item.product.id, item.soldQuantity])).toEqual([
      ['p-2', 8],
      ['p-3', 7],
    ]);
  });

  it('returns at most `limit` items', async () => {
    await ranking.record(
      'e1',
      '2025-03-10',
      ['p-1', 'p-2', 'p-3', 'p-4', 'p-5'].map((productId, i) => ({
        productId,
        soldQuantity: 10 - i,
      })),
    );

    const result = await sut.execute(new GetBestSellersQuery(1, 3));

    expect(result.items.map((item) => item.product.id)).toEqual(['p-1', 'p-2', 'p-3']);
  });
});
