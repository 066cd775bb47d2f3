import { randomUUID } from 'node:crypto';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { deliverOrder } from '../support/deliveries';
import { logInAsAdmin, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { metricSum } from '../support/metrics';
import { rankedQuantity } from '../support/ranking';
import { OrderLine, placeOrder, Shop } from '../support/shop';
import { SmtpSink } from '../support/smtp';

describe('Returns (e2e)', () => {
  let api: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;
  let shop: Shop;
  let admin: string;

  const ordered = async (customer: Customer, items: OrderLine[]): Promise<string> => {
    const placed = await placeOrder(client, customer, items);
    if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.text}`);
    return placed.body.id as string;
  };
  const requestReturn = (
    customer: Customer,
    orderId: string,
    items: OrderLine[],
    key: string | null = randomUUID(),
  ): Promise<HttpResult> =>
    client.post(
      `/orders/${orderId}/returns`,
      { items, reason: 'Does not fit' },
      { token: customer.token, headers: key ? { 'idempotency-key': key } : {} },
    );
  const approve = (returnId: string) =>
    client.post(`/admin/returns/${returnId}/approve`, {}, { token: admin });
  const reject = (returnId: string, token = admin) =>
    client.post(`/admin/returns/${returnId}/reject`, {}, { token });
  const balanceOf = async (customer: Customer): Promise<number> =>
    (await client.get('/wallet', { token: customer.token })).body.balance as number;
  const stockOf = async (productId: string): Promise<number> => {
    const [row] = await Db.rows<{ stock: number }>('SELECT stock FROM products WHERE id = ?', [
      productId,
    ]);
    return Number(row!.stock);
  };
  const orderStatus = async (customer: Customer, orderId: string): Promise<string> =>
    (await client.get(`/orders/${orderId}`, { token: customer.token })).body.status as string;

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ DB_POOL_SIZE: '30' }, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    client = apiClient(api.url);
    admin = await logInAsAdmin(client);
    shop = await Shop.open(client, 'returns');
  });

  afterAll(async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await Db.end();
  });

  it('returns part of a delivered order: refund, stock, order state, warehouse list, e-mail and ranking, each once', async () => {
    const [buyer] = await createCustomers(1, 'return');
    const [mug, tea] = [
      await shop.createProduct(100, 10_000),
      await shop.createProduct(100, 3_000),
    ];
    await shop.fund(buyer!, 50_000);
    const orderId = await ordered(buyer!, [
      { productId: mug!, quantity: 2 },
      { productId: tea!, quantity: 1 },
    ]);

    const early = await requestReturn(buyer!, orderId, [{ productId: mug!, quantity: 1 }]);
    expect([early.status, early.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
    await deliverOrder(client, admin, orderId);
    expect(await waitUntil(async () => (await rankedQuantity(mug!)) === 2, 30_000)).toBe(true);
    const noKey = await requestReturn(buyer!, orderId, [{ productId: mug!, quantity: 1 }], null);
    expect([noKey.status, noKey.body.code]).toEqual([400, 'IDEMPOTENCY_KEY_MISSING']);
    const [stranger] = await createCustomers(1, 'return-other');
    expect(
      (await requestReturn(stranger!, orderId, [{ productId: mug!, quantity: 1 }])).status,
    ).toBe(404);

    const requestedBefore = await metricSum(api.url, 'hexashop_returns_total', {
      outcome: 'requested',
    });
    const key = randomUUID();
    const requested = await requestReturn(buyer!, orderId, [{ productId: mug!, quantity: 1 }], key);
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'REQUESTED',
      orderId,
      items: [{ productId: mug, quantity: 1 }],
      refundAmount: 10_000,
    });
    // The same key and body replay the first answer; nothing is reserved twice.
    const replay = await requestReturn(buyer!, orderId, [{ productId: mug!, quantity: 1 }], key);
    expect([replay.status, replay.body.id]).toEqual([201, requested.body.id]);
    expect(await metricSum(api.url, 'hexashop_returns_total', { outcome: 'requested' })).toBe(
      requestedBefore + 1,
    );
    expect(await orderStatus(buyer!, orderId)).toBe('RETURN_REQUESTED');
    const tooMany = await requestReturn(buyer!, orderId, [{ productId: mug!, quantity: 2 }]);
    expect([tooMany.status, tooMany.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);

    let listed = false;
    let cursor: string | null = null;
    do {
      const page: HttpResult = await client.get(
        `/admin/returns?status=REQUESTED&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
        { token: admin },
      );
      expect(page.status).toBe(200);
      listed ||= page.body.items.some((r: { id: string }) => r.id === requested.body.id);
      cursor = page.body.nextCursor;
    } while (cursor && !listed);
    expect(listed).toBe(true);
    expect((await client.get('/admin/returns', { token: buyer!.token })).status).toBe(403);

    const [balance, stock] = [await balanceOf(buyer!), await stockOf(mug!)];
    const approvedBefore = await metricSum(api.url, 'hexashop_returns_total', {
      outcome: 'approved',
    });
    const approved = await approve(requested.body.id);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', refundAmount: 10_000 });
    const again = await approve(requested.body.id);
    expect([again.status, again.body.status, again.body.refundAmount]).toEqual([
      200,
      'APPROVED',
      10_000,
    ]);

    expect(await balanceOf(buyer!)).toBe(balance + 10_000);
    expect(await stockOf(mug!)).toBe(stock + 1);
    expect(await orderStatus(buyer!, orderId)).toBe('PARTIALLY_RETURNED');
    expect(await metricSum(api.url, 'hexashop_returns_total', { outcome: 'approved' })).toBe(
      approvedBefore + 1,
    );
    const refunds = await Db.rows<{ amount: number; return_id: string }>(
      "SELECT amount, return_id FROM wallet_transactions WHERE order_id = ? AND type = 'REFUND'",
      [orderId],
    );
    expect(refunds.map((row) => [Number(row.amount), row.return_id])).toEqual([
      [10_000, requested.body.id],
    ]);
    expect(await waitUntil(async () => (await rankedQuantity(mug!)) === 1, 30_000)).toBe(true);
    const subject = /Return of order .* approved/;
    const mails = await SmtpSink.waitFor(buyer!.email, subject, 1, 30_000);
    expect(mails[0]!.text).toContain('10,000 KRW');
    // Two approvals, one event: the e-mail goes out once.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sent = (await SmtpSink.messagesTo(buyer!.email)).filter((m) => subject.test(m.subject));
    expect(sent).toHaveLength(1);
  });

  it('lets concurrent requests of one line return at most what was bought, and concurrent approvals refund once', async () => {
    const [buyer] = await createCustomers(1, 'return-race');
    const product = await shop.createProduct(100, 1_001);
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!, [{ productId: product, quantity: 5 }]);
    await deliverOrder(client, admin, orderId);
    const paid = 5 * 1_001;
    const [balance, stock] = [await balanceOf(buyer!), await stockOf(product)];

    const attempts = await Promise.all(
      Array.from({ length: 24 }, () =>
        requestReturn(buyer!, orderId, [{ productId: product, quantity: 1 }]),
      ),
    );
    const created = attempts.filter((r) => r.status === 201);
    expect(created).toHaveLength(5);
    expect(
      attempts.filter((r) => r.status === 409).every((r) => r.body.code === 'RETURN_NOT_ALLOWED'),
    ).toBe(true);
    expect(created.length + attempts.filter((r) => r.status === 409).length).toBe(24);
    const [line] = await Db.rows<{ returned_quantity: number }>(
      'SELECT returned_quantity FROM order_lines WHERE order_id = ?',
      [orderId],
    );
    expect(Number(line!.returned_quantity)).toBe(5);

    // Every return approved three times at once.
    const approvals = await Promise.all(
      created.flatMap((r) => [approve(r.body.id), approve(r.body.id), approve(r.body.id)]),
    );
    expect(approvals.every((r) => r.status === 200 && r.body.status === 'APPROVED')).toBe(true);

    // 1,001 × 5 back in five parts of floor-cumulative shares: exactly what was paid.
    expect(await balanceOf(buyer!)).toBe(balance + paid);
    expect(await stockOf(product)).toBe(stock + 5);
    expect(await orderStatus(buyer!, orderId)).toBe('RETURNED');
    const refunds = await Db.rows<{ n: number; total: number }>(
      "SELECT COUNT(*) AS n, SUM(amount) AS total FROM wallet_transactions WHERE order_id = ? AND type = 'REFUND'",
      [orderId],
    );
    expect([Number(refunds[0]!.n), Number(refunds[0]!.total)]).toEqual([5, paid]);
    const more = await requestReturn(buyer!, orderId, [{ productId: product, quantity: 1 }]);
    expect([more.status, more.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
  });

  it('refuses a return once the window after delivery is over', async () => {
    const [buyer] = await createCustomers(1, 'return-late');
    const product = await shop.createProduct(100, 2_000);
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!, [{ productId: product, quantity: 1 }]);
    await deliverOrder(client, admin, orderId);
    // Delivered 15 days ago (the default window is 14 days).
    await Db.rows(
      `UPDATE orders SET shipped_at = shipped_at - INTERVAL 15 DAY, delivered_at = delivered_at - INTERVAL 15 DAY
        WHERE id = ?`,
      [orderId],
    );

    const late = await requestReturn(buyer!, orderId, [{ productId: product, quantity: 1 }]);

    expect([late.status, late.body.code]).toEqual([409, 'RETURN_NOT_ALLOWED']);
    expect(await orderStatus(buyer!, orderId)).toBe('DELIVERED');
  });

  it('rejects a return that never arrived: nothing refunded, units released and requestable again, e-mail once', async () => {
    const [buyer] = await createCustomers(1, 'return-reject');
    const product = await shop.createProduct(100, 4_000);
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!, [{ productId: product, quantity: 2 }]);
    await deliverOrder(client, admin, orderId);
    const requested = await requestReturn(buyer!, orderId, [{ productId: product, quantity: 2 }]);
    expect(requested.status).toBe(201);
    const [balance, stock] = [await balanceOf(buyer!), await stockOf(product)];

    const forbidden = await reject(requested.body.id as string, buyer!.token);
    expect([forbidden.status, forbidden.body.code]).toEqual([403, 'FORBIDDEN']);
    const unknown = await reject(randomUUID());
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);

    const rejectedBefore = await metricSum(api.url, 'hexashop_returns_total', {
      outcome: 'rejected',
    });
    const rejected = await reject(requested.body.id as string);
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({
      id: requested.body.id,
      status: 'REJECTED',
      refundAmount: 0,
    });
    const again = await reject(requested.body.id as string);
    expect([again.status, again.body.status]).toEqual([200, 'REJECTED']);
    const approveRejected = await approve(requested.body.id as string);
    expect(approveRejected.status).toBe(409);
    expect(approveRejected.headers.get('content-type')).toContain('application/problem+json');
    expect(approveRejected.body.code).toBe('RETURN_ALREADY_DECIDED');
    expect(await metricSum(api.url, 'hexashop_returns_total', { outcome: 'rejected' })).toBe(
      rejectedBefore + 1,
    );

    expect(await balanceOf(buyer!)).toBe(balance);
    expect(await stockOf(product)).toBe(stock);
    expect(await orderStatus(buyer!, orderId)).toBe('DELIVERED');
    const ledger = await Db.rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM wallet_transactions WHERE return_id = ?',
      [requested.body.id],
    );
    expect(Number(ledger[0]!.n)).toBe(0);

    // Released: both units may be requested again (and approved this time).
    const second = await requestReturn(buyer!, orderId, [{ productId: product, quantity: 2 }]);
    expect([second.status, second.body.status]).toEqual([201, 'REQUESTED']);
    const approved = await approve(second.body.id as string);
    expect([approved.status, approved.body.refundAmount]).toEqual([200, 8_000]);
    const rejectApproved = await reject(second.body.id as string);
    expect([rejectApproved.status, rejectApproved.body.code]).toEqual([
      409,
      'RETURN_ALREADY_DECIDED',
    ]);
    expect(await orderStatus(buyer!, orderId)).toBe('RETURNED');

    const subject = /Return of order .* rejected/;
    await SmtpSink.waitFor(buyer!.email, subject, 1, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sent = (await SmtpSink.messagesTo(buyer!.email)).filter((m) => subject.test(m.subject));
    expect(sent).toHaveLength(1);
  });

  it('settles racing rejections and approvals of one return one way only', async () => {
    const [buyer] = await createCustomers(1, 'return-decide-race');
    const product = await shop.createProduct(100, 3_000);
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!, [{ productId: product, quantity: 1 }]);
    await deliverOrder(client, admin, orderId);
    const requested = await requestReturn(buyer!, orderId, [{ productId: product, quantity: 1 }]);
    expect(requested.status).toBe(201);
    const id = requested.body.id as string;
    const balance = await balanceOf(buyer!);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () => [approve(id), reject(id)]).flat(),
    );

    const [row] = await Db.rows<{ status: string }>(
      'SELECT status FROM order_returns WHERE id = ?',
      [id],
    );
    const refunds = await Db.rows<{ amount: number }>(
      "SELECT amount FROM wallet_transactions WHERE return_id = ? AND type = 'REFUND'",
      [id],
    );
    const winner = row!.status;
    expect(['APPROVED', 'REJECTED']).toContain(winner);
    const loser = winner === 'APPROVED' ? 'REJECTED' : 'APPROVED';
    // Every answer is the outcome that won, or 409 for the other way.
    for (const answer of answers) {
      if (answer.status === 200) expect(answer.body.status).toBe(winner);
      else expect([answer.status, answer.body.code]).toEqual([409, 'RETURN_ALREADY_DECIDED']);
    }
    expect(answers.some((answer) => answer.body.status === loser)).toBe(false);
    if (winner === 'APPROVED') {
      expect(refunds.map((r) => Number(r.amount))).toEqual([3_000]);
      expect(await balanceOf(buyer!)).toBe(balance + 3_000);
      expect(await orderStatus(buyer!, orderId)).toBe('RETURNED');
    } else {
      expect(refunds).toEqual([]);
      expect(await balanceOf(buyer!)).toBe(balance);
      expect(await orderStatus(buyer!, orderId)).toBe('DELIVERED');
    }
  });
});
