import { randomUUID } from 'node:crypto';
import Bull from 'bull';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer, inBatches } from '../support/customers';
import { Db } from '../support/db';
import { requireEnv } from '../support/env';
import { logInAsAdmin, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { metricSum } from '../support/metrics';
import { SmtpSink } from '../support/smtp';
import { waitForDependency } from '../support/readiness';
import { Stack } from '../support/stack';
import { SHIPPING_ADDRESS } from '../support/addresses';

interface OrderBody {
  items: Array<{ productId: string; quantity: number }>;
  userCouponId?: string;
  pointsToUse?: number;
}

describe('Orders (e2e)', () => {
  let apis: AppProcess[];
  let worker: AppProcess;
  let clients: HttpClient[];
  let client: HttpClient;
  let admin: string;
  let categoryId: string;
  let turn = 0;
  /** Spreads requests over both API instances. */
  const next = (): HttpClient => clients[turn++ % clients.length]!;

  const createProduct = async (stock: number, price: number): Promise<string> => {
    const response = await client.post(
      '/products',
      { name: `Order test ${randomUUID().slice(0, 8)}`, description: '', price, stock, categoryId },
      { token: admin },
    );
    if (response.status !== 201) throw new Error(`product: ${response.status} ${response.text}`);
    return response.body.id as string;
  };
  const fund = async (customer: Customer, amount: number): Promise<void> => {
    const response = await next().post(
      '/wallet/charges',
      { amount },
      { token: customer.token, headers: { 'idempotency-key': randomUUID() } },
    );
    if (response.status !== 201) throw new Error(`charge: ${response.status} ${response.text}`);
  };
  const order = (
    customer: Customer,
    body: OrderBody,
    key: string = randomUUID(),
  ): Promise<HttpResult> =>
    next().post(
      '/orders',
      { address: SHIPPING_ADDRESS, ...body },
      {
        token: customer.token,
        headers: { 'idempotency-key': key },
        timeoutMs: 60_000,
      },
    );
  const stockOf = async (productId: string): Promise<number> =>
    Number(
      (await Db.rows<{ stock: number }>('SELECT stock FROM products WHERE id = ?', [productId]))[0]
        ?.stock,
    );
  const walletOf = async (customer: Customer): Promise<{ balance: number; points: number }> =>
    (await client.get('/wallet', { token: customer.token })).body as {
      balance: number;
      points: number;
    };
  /** Balance and points rebuilt from the ledger rows the API lists (sign-agnostic: the type says the direction). */
  const ledgerOf = async (customer: Customer): Promise<{ balance: number; points: number }> => {
    const totals = { balance: 0, points: 0 };
    let cursor: string | null = null;
    do {
      const page: HttpResult = await client.get(
        `/wallet/transactions?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
        { token: customer.token },
      );
      for (const tx of page.body.items as Array<{ type: string; amount: number }>) {
        const amount = Math.abs(tx.amount);
        if (tx.type === 'CHARGE' || tx.type === 'REFUND') totals.balance += amount;
        if (tx.type === 'PAYMENT') totals.balance -= amount;
        if (tx.type === 'POINTS_EARNED' || tx.type === 'POINTS_RESTORED') totals.points += amount;
        if (tx.type === 'POINTS_USED' || tx.type === 'POINTS_REVOKED') totals.points -= amount;
      }
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return totals;
  };

  beforeAll(async () => {
    [apis, worker] = await Promise.all([
      Promise.all([
        startApi({ DB_POOL_SIZE: '20' }, { waitFor: 'ready' }),
        startApi({ DB_POOL_SIZE: '20' }, { waitFor: 'ready' }),
      ]),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    clients = apis.map((api) => apiClient(api.url));
    client = clients[0]!;
    admin = await logInAsAdmin(client);
    const category = await client.post(
      '/categories',
      { name: `orders-${randomUUID().slice(0, 8)}` },
      { token: admin },
    );
    categoryId = category.body.id as string;
  });

  afterAll(async () => {
    await Stack.start('redis');
    await Promise.all([...apis.map((api) => api.stop()), worker.stop()]);
    await Db.end();
  });

  it('places an order that changes stock, balance and points together and is readable at once', async () => {
    const [buyer, stranger] = await createCustomers(2, 'place');
    const [a, b] = [await createProduct(10, 12_000), await createProduct(10, 3_500)];
    await fund(buyer!, 50_000);

    const placedBefore = await metricSum(apis[0]!.url, 'hexashop_orders_placed_total');
    const placed = await clients[0]!.post(
      '/orders',
      {
        items: [
          { productId: a, quantity: 2 },
          { productId: b, quantity: 1 },
        ],
        address: SHIPPING_ADDRESS,
      },
      { token: buyer!.token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(placed.status).toBe(201);
    expect(await metricSum(apis[0]!.url, 'hexashop_orders_placed_total')).toBe(placedBefore + 1);
    expect(placed.body).toMatchObject({
      status: 'PAID',
      subtotal: 27_500,
      discount: 0,
      pointsUsed: 0,
      paidAmount: 27_500,
      pointsEarned: 275,
    });
    expect(placed.body.items).toEqual(
      expect.arrayContaining([
        {
          productId: a,
          name: expect.any(String),
          unitPrice: 12_000,
          quantity: 2,
          lineTotal: 24_000,
        },
        { productId: b, name: expect.any(String), unitPrice: 3_500, quantity: 1, lineTotal: 3_500 },
      ]),
    );
    expect([await stockOf(a), await stockOf(b)]).toEqual([8, 9]);
    expect(await walletOf(buyer!)).toEqual({ balance: 22_500, points: 275 });

    // Read-your-writes on the other instance, right away.
    const read = await clients[1]!.get(`/orders/${placed.body.id}`, { token: buyer!.token });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: placed.body.id, status: 'PAID', paidAmount: 27_500 });
    const list = await clients[1]!.get('/orders', { token: buyer!.token });
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([placed.body.id]);

    expect((await client.get(`/orders/${placed.body.id}`, { token: stranger!.token })).status).toBe(
      404,
    );
    expect(
      (await client.post(`/orders/${placed.body.id}/cancel`, undefined, { token: stranger!.token }))
        .status,
    ).toBe(404);
    expect((await client.get(`/orders/${placed.body.id}`, { token: admin })).status).toBe(200);
    expect((await client.get(`/orders/${randomUUID()}`, { token: buyer!.token })).status).toBe(404);

    // Points pay part of the next order.
    const withPoints = await order(buyer!, {
      items: [{ productId: b, quantity: 1 }],
      pointsToUse: 275,
    });
    expect(withPoints.status).toBe(201);
    expect(withPoints.body).toMatchObject({
      subtotal: 3_500,
      pointsUsed: 275,
      paidAmount: 3_225,
      pointsEarned: 32,
    });
    expect(await walletOf(buyer!)).toEqual({ balance: 22_500 - 3_225, points: 32 });
    expect(await ledgerOf(buyer!)).toEqual(await walletOf(buyer!));
  });

  it('rejects bad orders with the right problem and changes nothing', async () => {
    const [buyer] = await createCustomers(1, 'bad');
    const a = await createProduct(5, 1_000);
    const hidden = await createProduct(5, 1_000);
    await client.delete(`/products/${hidden}`, { token: admin });
    await fund(buyer!, 3_000);

    const missingKey = await client.post(
      '/orders',
      { items: [{ productId: a, quantity: 1 }], address: SHIPPING_ADDRESS },
      { token: buyer!.token },
    );
    expect(missingKey.status).toBe(400);
    expect(missingKey.body.code).toBe('IDEMPOTENCY_KEY_MISSING');
    const cases: Array<[OrderBody | Record<string, unknown>, number, string]> = [
      [{ items: [] }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId: a, quantity: 101 }] }, 400, 'VALIDATION_FAILED'],
      [
        {
          items: [
            { productId: a, quantity: 1 },
            { productId: a, quantity: 1 },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [{ items: [{ productId: a, quantity: 1 }], extra: true }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId: a, quantity: 1 }], pointsToUse: 5_000 }, 400, 'VALIDATION_FAILED'],
      [{ items: [{ productId: a, quantity: 1 }], pointsToUse: 10 }, 409, 'INSUFFICIENT_POINTS'],
      [{ items: [{ productId: a, quantity: 6 }] }, 409, 'INSUFFICIENT_STOCK'],
      [{ items: [{ productId: a, quantity: 4 }] }, 409, 'INSUFFICIENT_BALANCE'],
      [{ items: [{ productId: hidden, quantity: 1 }] }, 409, 'PRODUCT_UNAVAILABLE'],
      [{ items: [{ productId: randomUUID(), quantity: 1 }] }, 409, 'PRODUCT_UNAVAILABLE'],
      [
        { items: [{ productId: a, quantity: 1 }], userCouponId: randomUUID() },
        409,
        'COUPON_NOT_USABLE',
      ],
    ];
    for (const [body, status, code] of cases) {
      const response = await order(buyer!, body as OrderBody);
      expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await stockOf(a)).toBe(5);
    expect(await walletOf(buyer!)).toEqual({ balance: 3_000, points: 0 });
    expect(await Db.rows('SELECT id FROM orders WHERE user_id = ?', [buyer!.id])).toHaveLength(0);
  });

  it('sells exactly the stock when 1,000 customers order a product with stock 100 at once', async () => {
    const product = await createProduct(100, 1_000);
    const buyers = await createCustomers(1_000, 'rush');
    await inBatches(
      buyers.map((buyer) => () => fund(buyer, 5_000)),
      50,
    );

    const results = await Promise.all(
      buyers.map((buyer) => order(buyer, { items: [{ productId: product, quantity: 1 }] })),
    );
    const statuses = results.map((r) => (r.status === 201 ? '201' : `${r.status} ${r.body?.code}`));
    // Anything but a sale or a stock refusal, listed, so a failure says what it was.
    expect(statuses.filter((s) => s !== '201' && s !== '409 INSUFFICIENT_STOCK')).toEqual([]);
    expect(statuses.filter((s) => s === '201')).toHaveLength(100);
    expect(statuses.filter((s) => s === '409 INSUFFICIENT_STOCK')).toHaveLength(900);
    expect(await stockOf(product)).toBe(0);
    const [sold] = await Db.rows<{ sold: number | string }>(
      'SELECT COALESCE(SUM(quantity), 0) AS sold FROM order_lines WHERE product_id = ?',
      [product],
    );
    expect(Number(sold?.sold) + (await stockOf(product))).toBe(100);
  }, 180_000); // a concurrency proof, not a timing test: on a loaded 2-core machine 1,000 orders outlast the 60 s default

  it('never overdraws one customer who sends 50 orders at once beyond the balance', async () => {
    const [buyer] = await createCustomers(1, 'spender');
    const product = await createProduct(1_000, 1_000);
    await fund(buyer!, 10_000);
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        order(buyer!, { items: [{ productId: product, quantity: 1 }] }),
      ),
    );
    const created = results.filter((r) => r.status === 201).length;
    expect(created).toBe(10);
    expect(
      results.filter((r) => r.status === 409 && r.body.code === 'INSUFFICIENT_BALANCE'),
    ).toHaveLength(40);
    const wallet = await walletOf(buyer!);
    expect(wallet).toEqual({ balance: 0, points: 100 });
    expect(await ledgerOf(buyer!)).toEqual(wallet);
    expect(await stockOf(product)).toBe(1_000 - created);
  });

  it('places opposite carts concurrently without a deadlock reaching any client', async () => {
    const [a, b] = [await createProduct(1_000, 100), await createProduct(1_000, 100)];
    const buyers = await createCustomers(40, 'opposite');
    await inBatches(
      buyers.map((buyer) => () => fund(buyer, 10_000)),
      20,
    );
    const results = await Promise.all(
      buyers.flatMap((buyer, i) => {
        const items =
          i % 2 === 0
            ? [
                { productId: a, quantity: 1 },
                { productId: b, quantity: 1 },
              ]
            : [
                { productId: b, quantity: 1 },
                { productId: a, quantity: 1 },
              ];
        return [order(buyer, { items }), order(buyer, { items })];
      }),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect([await stockOf(a), await stockOf(b)]).toEqual([1_000 - 80, 1_000 - 80]);
  });

  it('turns 20 parallel requests with one Idempotency-Key into one order and one debit', async () => {
    const [buyer] = await createCustomers(1, 'idem');
    const product = await createProduct(100, 2_000);
    await fund(buyer!, 100_000);
    const key = randomUUID();
    const body = { items: [{ productId: product, quantity: 3 }] };
    const results = await Promise.all(Array.from({ length: 20 }, () => order(buyer!, body, key)));
    const created = results.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(
      results
        .filter((r) => r.status !== 201)
        .every((r) => r.status === 409 && r.body.code === 'IDEMPOTENCY_IN_PROGRESS'),
    ).toBe(true);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);

    const replay = await order(buyer!, body, key);
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(created[0]!.text);
    expect(await Db.rows('SELECT id FROM orders WHERE user_id = ?', [buyer!.id])).toHaveLength(1);
    expect(await stockOf(product)).toBe(97);
    expect((await walletOf(buyer!)).balance).toBe(100_000 - 6_000);

    const other = await order(buyer!, { items: [{ productId: product, quantity: 4 }] }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('leaves stock, balance, points and coupon as they were when the transaction fails half-way', async () => {
    const [buyer] = await createCustomers(1, 'fault');
    const product = await createProduct(10, 10_000);
    await fund(buyer!, 100_000);
    const earlier = await order(buyer!, { items: [{ productId: product, quantity: 1 }] });
    expect(earlier.status).toBe(201);
    const coupon = await client.post(
      '/coupons',
      {
        name: 'Fault coupon',
        discountType: 'FIXED',
        discountValue: 1_000,
        minOrderAmount: 0,
        totalQuantity: 10,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      },
      { token: admin },
    );
    const issued = await client.post(`/coupons/${coupon.body.id}/issue`, undefined, {
      token: buyer!.token,
    });
    expect(issued.status).toBe(201);
    const before = { stock: await stockOf(product), wallet: await walletOf(buyer!) };

    // The outbox insert (after stock, coupon, points and balance changed) fails for this customer only.
    // A single-statement trigger (the mysql client would split a BEGIN ... END body at its semicolons):
    // a NULL into the NOT NULL occurred_at column makes the insert fail.
    const database = requireEnv('DATABASE_URL').split('/').pop()!;
    await Stack.sql(
      'primary',
      `CREATE TRIGGER ${database}.test_fail_outbox BEFORE INSERT ON ${database}.outbox_events FOR EACH ROW
       SET NEW.occurred_at = IF(NEW.type = 'ordering.order-placed.v1' AND JSON_UNQUOTE(JSON_EXTRACT(NEW.payload, '$.userId')) = '${buyer!.id}', NULL, NEW.occurred_at)`,
    );
    const key = randomUUID();
    const body = {
      items: [{ productId: product, quantity: 2 }],
      userCouponId: issued.body.userCouponId,
      pointsToUse: 50,
    };
    let failed: HttpResult;
    try {
      failed = await order(buyer!, body, key);
    } finally {
      await Stack.sql('primary', `DROP TRIGGER IF EXISTS ${database}.test_fail_outbox`);
    }
    expect(failed.status).toBe(500);
    expect(await stockOf(product)).toBe(before.stock);
    expect(await walletOf(buyer!)).toEqual(before.wallet);
    const coupons = await client.get('/users/me/coupons', { token: buyer!.token });
    expect(coupons.body.items).toEqual([
      expect.objectContaining({ userCouponId: issued.body.userCouponId, status: 'AVAILABLE' }),
    ]);
    expect(await Db.rows('SELECT id FROM orders WHERE user_id = ?', [buyer!.id])).toHaveLength(1);

    // Nothing of the failed attempt is remembered: the same key now places the order.
    const retried = await order(buyer!, body, key);
    expect(retried.status).toBe(201);
    expect(retried.body).toMatchObject({
      discount: 1_000,
      pointsUsed: 50,
      paidAmount: 20_000 - 1_000 - 50,
    });
  });

  it('cancels: restock, refund, points and coupon restored; a second cancel is 409', async () => {
    const [buyer] = await createCustomers(1, 'cancel');
    const product = await createProduct(10, 10_000);
    await fund(buyer!, 100_000);
    await order(buyer!, { items: [{ productId: product, quantity: 1 }] }); // earns 100 points
    const coupon = await client.post(
      '/coupons',
      {
        name: 'Ten percent',
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: 1_500,
        minOrderAmount: 10_000,
        totalQuantity: 5,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validUntil: new Date(Date.now() + 86_400_000).toISOString(),
      },
      { token: admin },
    );
    const issued = await client.post(`/coupons/${coupon.body.id}/issue`, undefined, {
      token: buyer!.token,
    });
    const before = { stock: await stockOf(product), wallet: await walletOf(buyer!) };
    expect(before.wallet).toEqual({ balance: 90_000, points: 100 });

    const placed = await order(buyer!, {
      items: [{ productId: product, quantity: 3 }],
      userCouponId: issued.body.userCouponId,
      pointsToUse: 100,
    });
    expect(placed.status).toBe(201);
    // 10% of 30,000 capped at 1,500.
    expect(placed.body).toMatchObject({
      subtotal: 30_000,
      discount: 1_500,
      pointsUsed: 100,
      paidAmount: 28_400,
      pointsEarned: 284,
    });
    expect(await walletOf(buyer!)).toEqual({ balance: 90_000 - 28_400, points: 284 });

    const cancelled = await clients[1]!.post(`/orders/${placed.body.id}/cancel`, undefined, {
      token: buyer!.token,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toEqual({ status: 'CANCELLED' });
    expect(await stockOf(product)).toBe(before.stock);
    expect(await walletOf(buyer!)).toEqual(before.wallet);
    expect(await ledgerOf(buyer!)).toEqual(before.wallet);
    const coupons = await client.get('/users/me/coupons', { token: buyer!.token });
    expect(coupons.body.items).toEqual([
      expect.objectContaining({ userCouponId: issued.body.userCouponId, status: 'AVAILABLE' }),
    ]);
    expect(
      (await client.get(`/orders/${placed.body.id}`, { token: buyer!.token })).body.status,
    ).toBe('CANCELLED');

    const notices = await SmtpSink.waitFor(buyer!.email, /cancelled/, 1, 30_000);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.text).toContain('28,400 KRW');
    const again = await client.post(`/orders/${placed.body.id}/cancel`, undefined, {
      token: buyer!.token,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ORDER_NOT_CANCELLABLE');

    // Earned points already spent: the cancel is refused and nothing changes.
    const second = await order(buyer!, { items: [{ productId: product, quantity: 1 }] }); // earns 100
    const spend = await order(buyer!, {
      items: [{ productId: product, quantity: 1 }],
      pointsToUse: 200,
    });
    expect([second.status, spend.status]).toEqual([201, 201]);
    const refused = await client.post(`/orders/${second.body.id}/cancel`, undefined, {
      token: admin,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('POINTS_ALREADY_SPENT');
    expect(
      (await client.get(`/orders/${second.body.id}`, { token: buyer!.token })).body.status,
    ).toBe('PAID');
  });

  it('checks out the cart as one order and empties it', async () => {
    const [buyer] = await createCustomers(1, 'checkout');
    const [a, b] = [await createProduct(10, 1_000), await createProduct(10, 2_000)];
    await fund(buyer!, 10_000);
    expect(
      (await client.put(`/cart/items/${a}`, { quantity: 2 }, { token: buyer!.token })).status,
    ).toBe(200);
    expect(
      (await client.put(`/cart/items/${b}`, { quantity: 1 }, { token: buyer!.token })).status,
    ).toBe(200);
    const checkout = await client.post(
      '/cart/checkout',
      { address: SHIPPING_ADDRESS },
      { token: buyer!.token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(checkout.status).toBe(201);
    expect(checkout.body).toMatchObject({ status: 'PAID', subtotal: 4_000, paidAmount: 4_000 });
    expect((await client.get('/cart', { token: buyer!.token })).body.items).toEqual([]);
    expect([await stockOf(a), await stockOf(b)]).toEqual([8, 9]);
    const empty = await client.post(
      '/cart/checkout',
      { address: SHIPPING_ADDRESS },
      { token: buyer!.token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(empty.status).toBe(400);
  });

  it('ranks best sellers by quantity sold in the window, cancellations excluded, and answers from the database without Redis', async () => {
    const [top, second, third] = [
      await createProduct(1_000, 1),
      await createProduct(1_000, 1),
      await createProduct(1_000, 1),
    ];
    const buyers = await createCustomers(3, 'ranking');
    await Promise.all(buyers.map((buyer) => fund(buyer!, 10_000)));
    const sell = async (buyer: Customer, productId: string, quantity: number): Promise<string> => {
      const response = await order(buyer, { items: [{ productId, quantity }] });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    for (let i = 0; i < 3; i += 1) await sell(buyers[i]!, top, 100);
    for (let i = 0; i < 2; i += 1) await sell(buyers[i]!, second, 100);
    await sell(buyers[0]!, third, 50);
    const cancelled = await sell(buyers[1]!, third, 100);
    expect(
      (await client.post(`/orders/${cancelled}/cancel`, undefined, { token: admin })).status,
    ).toBe(200);

    const expected = [
      { id: top, sold: 300 },
      { id: second, sold: 200 },
    ];
    // Other suites sell in the same window (the key-rotation load orders one product
    // hundreds of times): the order among this test's own products is what it checks.
    const mine = new Set([top, second, third]);
    const ranked = async (): Promise<Array<{ id: string; sold: number }>> => {
      const response = await client.get('/products/popular?days=1&limit=50');
      expect(response.status).toBe(200);
      return (response.body.items as Array<{ product: { id: string }; soldQuantity: number }>)
        .map((item) => ({ id: item.product.id, sold: item.soldQuantity }))
        .filter((item) => mine.has(item.id));
    };
    const settled = await waitUntil(async () => {
      const items = await ranked();
      return (
        JSON.stringify(items.slice(0, 2)) === JSON.stringify(expected) &&
        items.some((item) => item.id === third && item.sold === 50)
      );
    }, 20_000);
    expect(settled).toBe(true);
    const window = (await client.get('/products/popular?days=3&limit=2')).body as {
      items: unknown[];
      from: string;
      to: string;
    };
    expect(window.items).toHaveLength(2);
    expect(Date.parse(window.to) - Date.parse(window.from)).toBeGreaterThan(2 * 86_400_000);

    await Stack.stop('redis');
    try {
      const fromDatabase = await ranked();
      expect(fromDatabase.slice(0, 2)).toEqual(expected);
      expect(fromDatabase).toContainEqual({ id: third, sold: 50 });
    } finally {
      await Stack.start('redis');
    }
    expect(await waitForDependency(apis[0]!.url, 'redis', 'ok')).toBe(true);
  });

  it('sends one confirmation e-mail per order, even when its job runs again', async () => {
    const buyers = await createCustomers(3, 'mail');
    const product = await createProduct(100, 1_000);
    const ids: string[] = [];
    for (const buyer of buyers) {
      await fund(buyer, 10_000);
      ids.push(
        (await order(buyer, { items: [{ productId: product, quantity: 2 }] })).body.id as string,
      );
    }
    for (const buyer of buyers)
      expect(await SmtpSink.waitFor(buyer.email, /confirmed/, 1, 30_000)).toHaveLength(1);

    const [event] = await Db.rows<{ id: string; payload: unknown }>(
      "SELECT id, payload FROM outbox_events WHERE type = 'ordering.order-placed.v1' AND aggregate_id = ?",
      [ids[0]],
    );
    const payload =
      typeof event!.payload === 'string' ? JSON.parse(event!.payload) : event!.payload;
    const data = {
      eventId: event!.id,
      type: 'ordering.order-placed.v1',
      aggregateType: 'order',
      aggregateId: ids[0],
      occurredAt: new Date().toISOString(),
      payload,
    };
    // What a retried or stalled job looks like to the processors: the same event delivered again.
    for (const [queueName, job] of [
      ['notifications', 'order-confirmation-email'],
      ['ranking', 'order-placed'],
    ] as const) {
      const queue = new Bull(queueName, requireEnv('REDIS_URL'), { prefix: 'bull' });
      try {
        await (await queue.add(job, data, { jobId: `${event!.id}-again`, attempts: 1 })).finished();
      } finally {
        await queue.close();
      }
    }
    const sold = async (): Promise<number | undefined> => {
      const popular = await client.get('/products/popular?days=1&limit=50');
      return (popular.body.items as Array<{ product: { id: string }; soldQuantity: number }>).find(
        (item) => item.product.id === product,
      )?.soldQuantity;
    };
    expect(await waitUntil(async () => (await sold()) === 6, 10_000)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await sold()).toBe(6);
    for (const buyer of buyers) expect(await SmtpSink.messagesTo(buyer.email)).toHaveLength(1);
  });
});
