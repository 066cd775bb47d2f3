import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { insertDeliveredOrders } from '../support/delivered-orders';
import { logInAsAdmin, signUpAndLogIn, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { metricSum } from '../support/metrics';
import { placeOrder, Shop } from '../support/shop';

interface Buyer extends Customer {
  readonly orderId: string;
}

describe('Reviews (e2e)', () => {
  let api: AppProcess;
  let api2: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;
  let client2: HttpClient;
  let shop: Shop;
  let admin: string;

  /** Customers with a delivered order of one line of `productId` each (SQL fixtures). */
  const buyersOf = async (productId: string, count: number): Promise<Buyer[]> => {
    const customers = await createCustomers(count, 'reviewer');
    const orderIds = await insertDeliveredOrders(customers, productId);
    return customers.map((customer, i) => ({ ...customer, orderId: orderIds[i]! }));
  };
  const review = (
    buyer: Buyer,
    productId: string,
    rating: number,
    text = `rated ${rating}`,
    api: HttpClient = client,
  ): Promise<HttpResult> =>
    api.post(
      `/products/${productId}/reviews`,
      { orderId: buyer.orderId, rating, text },
      // Commits on one product's totals queue behind each other (ADR 0055): on a
      // busy 2-core machine 200 of them take longer than the client's default.
      { token: buyer.token, timeoutMs: 60_000 },
    );
  const ratingOf = async (api: HttpClient, productId: string, token?: string) =>
    (await api.get(`/products/${productId}`, token ? { token } : {})).body.rating as {
      average: number | null;
      count: number;
    };
  /** Every page of a list, following nextCursor. */
  const allPages = async (
    path: string,
    limit: number,
    from: string | null = null,
  ): Promise<string[]> => {
    const ids: string[] = [];
    let cursor: string | null = from;
    do {
      const page: HttpResult = await client.get(
        `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.status).toBe(200);
      ids.push(...(page.body.items as Array<{ id: string }>).map((item) => item.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    return ids;
  };

  beforeAll(async () => {
    [api, api2, worker] = await Promise.all([
      startApi({ DB_POOL_SIZE: '30' }, { waitFor: 'ready' }),
      startApi({}, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    client = apiClient(api.url);
    client2 = apiClient(api2.url);
    admin = await logInAsAdmin(client);
    shop = await Shop.open(client, 'reviews');
  });

  afterAll(async () => {
    await Promise.all([api.stop(), api2.stop(), worker.stop()]);
    await Db.end();
  });

  it('lets the buyer review a line once it was delivered, once, and shows the rating at once on every instance and route', async () => {
    const product = await shop.createProduct(10, 3_000);
    const [buyer] = await createCustomers(1, 'verified');
    await shop.fund(buyer!, 10_000);
    const placed = await placeOrder(client, buyer!, [{ productId: product, quantity: 1 }]);
    expect(placed.status).toBe(201);
    const orderId = placed.body.id as string;
    const body = { orderId, rating: 4, text: '<script>alert(1)</script> "quoted" & 한국어' };

    const early = await client.post(`/products/${product}/reviews`, body, { token: buyer!.token });
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('REVIEW_NOT_ALLOWED');

    let shipmentId: string | undefined;
    expect(
      await waitUntil(async () => {
        [{ id: shipmentId } = { id: undefined }] = await Db.rows<{ id: string }>(
          'SELECT id FROM shipments WHERE order_id = ?',
          [orderId],
        );
        return shipmentId !== undefined;
      }, 15_000),
    ).toBe(true);
    const shipped = await client.post(
      `/admin/shipments/${shipmentId}/ship`,
      { carrier: 'CJ Logistics', trackingNumber: 'TRK-R1' },
      { token: admin },
    );
    expect(shipped.status).toBe(200);
    expect(
      (await client.post(`/admin/shipments/${shipmentId}/deliver`, {}, { token: admin })).status,
    ).toBe(200);
    // Warm the cached detail on both instances (Redis and their in-process copies), both routes.
    for (const c of [client, client2]) {
      expect(await ratingOf(c, product)).toEqual({ average: null, count: 0 });
      expect(await ratingOf(c, product, buyer!.token)).toEqual({ average: null, count: 0 });
    }
    const postedBefore = await metricSum(api.url, 'hexashop_reviews_total', { action: 'posted' });

    const created = await client.post(`/products/${product}/reviews`, body, {
      token: buyer!.token,
    });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      productId: product,
      rating: 4,
      text: body.text,
      authorName: 'B**',
      helpfulCount: 0,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const [anonymous, member, anonymous2, member2] = await Promise.all([
      ratingOf(client, product),
      ratingOf(client, product, buyer!.token),
      ratingOf(client2, product),
      ratingOf(client2, product, admin),
    ]);
    for (const rating of [anonymous, member, anonymous2, member2])
      expect(rating).toEqual({ average: 4, count: 1 });
    expect(await metricSum(api.url, 'hexashop_reviews_total', { action: 'posted' })).toBe(
      postedBefore + 1,
    );

    const again = await client.post(
      `/products/${product}/reviews`,
      { ...body, rating: 1 },
      {
        token: buyer!.token,
      },
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REVIEW_EXISTS');
    const [stranger] = await createCustomers(1, 'stranger');
    const foreign = await client.post(`/products/${product}/reviews`, body, {
      token: stranger!.token,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('REVIEW_NOT_ALLOWED');
    const listed = await client.get(`/products/${product}/reviews`);
    expect(listed.body).toEqual({ items: [created.body], nextCursor: null });
    expect(await ratingOf(client2, product)).toEqual({ average: 4, count: 1 });
  });

  it('keeps the rating exact under 200 concurrent reviews of one product', async () => {
    const product = await shop.createProduct(10, 1_000);
    const buyers = await buyersOf(product, 200);
    const ratings = buyers.map((_, i) => ((i * 7) % 5) + 1);
    const sum = ratings.reduce((a, b) => a + b, 0);
    expect(await ratingOf(client2, product)).toEqual({ average: null, count: 0 });

    const responses = await Promise.all(
      buyers.map((buyer, i) =>
        review(buyer, product, ratings[i]!, 'concurrent', i % 2 ? client2 : client),
      ),
    );

    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const expected = { average: Math.round((sum * 100) / 200) / 100, count: 200 };
    expect(await ratingOf(client, product)).toEqual(expected);
    expect(await ratingOf(client2, product)).toEqual(expected);
    const [totals] = await Db.rows<{ rating_sum: number; rating_count: number }>(
      'SELECT rating_sum, rating_count FROM product_ratings WHERE product_id = ?',
      [product],
    );
    expect({ sum: Number(totals!.rating_sum), count: totals!.rating_count }).toEqual({
      sum,
      count: 200,
    });
    expect(await allPages(`/products/${product}/reviews`, 100)).toHaveLength(200);
  });

  it('lets only the author edit or delete, lets an admin hide (audited), and keeps the rating exact through it all', async () => {
    const product = await shop.createProduct(10, 1_000);
    const [a, b, c] = await buyersOf(product, 3);
    const ra = (await review(a!, product, 5)).body.id as string;
    const rb = (await review(b!, product, 3)).body.id as string;
    const rc = (await review(c!, product, 1)).body.id as string;
    expect(await ratingOf(client2, product)).toEqual({ average: 3, count: 3 });

    const foreignEdit = await client.patch(`/reviews/${ra}`, { rating: 1 }, { token: b!.token });
    expect([foreignEdit.status, foreignEdit.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await client.delete(`/reviews/${ra}`, { token: b!.token })).status).toBe(403);
    const empty = await client.patch(`/reviews/${ra}`, {}, { token: a!.token });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const tooLong = await client.patch(
      `/reviews/${ra}`,
      { text: 'x'.repeat(2001) },
      { token: a!.token },
    );
    expect(tooLong.body.errors).toEqual([expect.objectContaining({ field: 'text' })]);

    const edited = await client.patch(
      `/reviews/${ra}`,
      { rating: 4, text: 'edited' },
      { token: a!.token },
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ id: ra, rating: 4, text: 'edited' });
    expect(await ratingOf(client2, product)).toEqual({ average: 2.67, count: 3 });

    expect((await client.delete(`/reviews/${rc}`, { token: c!.token })).status).toBe(204);
    expect(await ratingOf(client2, product)).toEqual({ average: 3.5, count: 2 });
    expect((await client.patch(`/reviews/${rc}`, { rating: 5 }, { token: c!.token })).status).toBe(
      404,
    );
    const reReview = await review(c!, product, 5);
    expect([reReview.status, reReview.body.code]).toEqual([409, 'REVIEW_EXISTS']);

    expect((await client.post(`/admin/reviews/${rb}/hide`, {}, { token: a!.token })).status).toBe(
      403,
    );
    const hidden = await client.post(`/admin/reviews/${rb}/hide`, {}, { token: admin });
    expect(hidden.status).toBe(200);
    expect((await client.post(`/admin/reviews/${rb}/hide`, {}, { token: admin })).status).toBe(200);
    expect(await ratingOf(client2, product)).toEqual({ average: 4, count: 1 });
    expect(await allPages(`/products/${product}/reviews`, 20)).toEqual([ra]);
    // Others learn nothing about a hidden review; its author still may edit it (it stays hidden).
    expect((await client.patch(`/reviews/${rb}`, { rating: 1 }, { token: a!.token })).status).toBe(
      404,
    );
    expect((await client.patch(`/reviews/${rb}`, { rating: 1 }, { token: b!.token })).status).toBe(
      200,
    );
    expect(await ratingOf(client2, product)).toEqual({ average: 4, count: 1 });

    const audit = await client.get(`/admin/audit-events?subjectUserId=${b!.id}`, { token: admin });
    expect(
      (audit.body.items as Array<{ action: string; resource: string }>).filter(
        (event) => event.action === 'admin.review.hidden',
      ),
    ).toEqual([expect.objectContaining({ resource: `review:${rb}` })]);
    const [totals] = await Db.rows<{
      rating_sum: number;
      rating_count: number;
      visible_sum: number;
    }>(
      `SELECT r.rating_sum, r.rating_count,
              (SELECT COALESCE(SUM(rating), 0) FROM reviews WHERE product_id = ? AND status = 'VISIBLE') AS visible_sum
         FROM product_ratings r WHERE r.product_id = ?`,
      [product, product],
    );
    expect(totals).toMatchObject({ rating_count: 1 });
    expect(Number(totals!.rating_sum)).toBe(4);
    expect(Number(totals!.visible_sum)).toBe(4);
  });

  it('pages both sorts by keyset, stable while reviews and votes arrive, and validates the query', async () => {
    const product = await shop.createProduct(10, 1_000);
    const buyers = await buyersOf(product, 9);
    const ids: string[] = [];
    for (const [i, buyer] of buyers.slice(0, 7).entries())
      ids.push((await review(buyer, product, (i % 5) + 1)).body.id as string);
    // Helpful votes: ids[2] gets 3, ids[5] gets 2, ids[0] gets 1 (each by others, one counts once).
    const votes: Array<[number, number[]]> = [
      [2, [0, 1, 3]],
      [5, [0, 1]],
      [0, [1]],
    ];
    for (const [target, voters] of votes)
      for (const voter of voters) {
        const vote = await client.post(
          `/reviews/${ids[target]}/helpful`,
          {},
          { token: buyers[voter]!.token },
        );
        expect(vote.status).toBe(200);
      }
    const repeat = await client.post(`/reviews/${ids[2]}/helpful`, {}, { token: buyers[0]!.token });
    expect(repeat.body.helpfulCount).toBe(3);
    const own = await client.post(`/reviews/${ids[2]}/helpful`, {}, { token: buyers[2]!.token });
    expect([own.status, own.body.code]).toEqual([403, 'FORBIDDEN']);

    const newest = [...ids].reverse();
    const helpful = [
      ids[2],
      ids[5],
      ids[0],
      ...newest.filter((id) => ![ids[2], ids[5], ids[0]].includes(id)),
    ];
    expect(await allPages(`/products/${product}/reviews?sort=newest`, 3)).toEqual(newest);
    expect(await allPages(`/products/${product}/reviews?sort=helpful`, 2)).toEqual(helpful);

    // A page, then a new review: the next page continues where the first ended.
    const first = await client.get(`/products/${product}/reviews?sort=newest&limit=3`);
    const late = (await review(buyers[7]!, product, 5)).body.id as string;
    const rest = await allPages(
      `/products/${product}/reviews?sort=newest`,
      3,
      first.body.nextCursor as string,
    );
    expect([...(first.body.items as Array<{ id: string }>).map((i) => i.id), ...rest]).toEqual(
      newest,
    );
    expect((await client.get(`/products/${product}/reviews?limit=1`)).body.items[0].id).toBe(late);

    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'sort=best', 'cursor=garbage']) {
      const bad = await client.get(`/products/${product}/reviews?${query}`);
      expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
    }
    const helpfulCursor = (await client.get(`/products/${product}/reviews?sort=helpful&limit=1`))
      .body.nextCursor as string;
    const crossed = await client.get(
      `/products/${product}/reviews?sort=newest&cursor=${helpfulCursor}`,
    );
    expect(crossed.body.errors).toEqual([expect.objectContaining({ field: 'cursor' })]);
    expect(
      (await client.get(`/products/00000000-0000-7000-8000-000000000000/reviews`)).status,
    ).toBe(404);
  });

  it('shows an erased author as "Erased member" and keeps the review and the rating', async () => {
    const product = await shop.createProduct(10, 1_000);
    const member = await signUpAndLogIn(client, 'erased-reviewer');
    const [orderId] = await insertDeliveredOrders(
      [{ id: member.id, email: member.email, token: member.accessToken }],
      product,
    );
    const posted = await client.post(
      `/products/${product}/reviews`,
      { orderId, rating: 2, text: 'Gone soon' },
      { token: member.accessToken },
    );
    expect(posted.body.authorName).toBe('T**');
    const [sealed] = await Db.rows<{ author_name: string }>(
      'SELECT author_name FROM reviews WHERE id = ?',
      [posted.body.id],
    );
    expect(sealed!.author_name).toMatch(/^e1\./);

    const erased = await client.deleteWith(
      '/users/me',
      { password: member.password },
      { token: member.accessToken },
    );
    expect(erased.status).toBe(204);

    const listed = await client.get(`/products/${product}/reviews`);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        id: posted.body.id,
        authorName: 'Erased member',
        text: 'Gone soon',
      }),
    ]);
    expect(await ratingOf(client2, product)).toEqual({ average: 2, count: 1 });
  });

  it('keeps the totals and helpful counts exact when edits, deletes, hides and votes race', async () => {
    const product = await shop.createProduct(10, 1_000);
    const buyers = await buyersOf(product, 40);
    const ids = (
      await Promise.all(buyers.map((buyer, i) => review(buyer, product, (i % 5) + 1)))
    ).map((r) => r.body.id as string);
    const target = ids[0]!;

    const results = await Promise.all([
      ...buyers.map((buyer, i) =>
        client.patch(
          `/reviews/${ids[i]}`,
          { rating: ((i * 3) % 5) + 1 },
          { token: buyer.token, timeoutMs: 60_000 },
        ),
      ),
      ...buyers
        .filter((_, i) => i % 4 === 1)
        .map((buyer, k) =>
          client2.delete(`/reviews/${ids[k * 4 + 1]}`, { token: buyer.token, timeoutMs: 60_000 }),
        ),
      ...ids
        .filter((_, i) => i % 3 === 2)
        .map((id) =>
          client2.post(`/admin/reviews/${id}/hide`, {}, { token: admin, timeoutMs: 60_000 }),
        ),
      // Every other buyer votes for the first review twice at once: one vote each.
      ...buyers
        .slice(1)
        .flatMap((buyer) =>
          [client, client2].map((c) =>
            c.post(`/reviews/${target}/helpful`, {}, { token: buyer.token, timeoutMs: 60_000 }),
          ),
        ),
    ]);

    // Deletes and hides may come first: an edit of a deleted review is 404, nothing else fails.
    expect(results.map((r) => r.status).filter((s) => ![200, 204, 404].includes(s))).toEqual([]);
    const [totals] = await Db.rows<{
      rating_sum: number;
      rating_count: number;
      s: number;
      c: number;
    }>(
      `SELECT r.rating_sum, r.rating_count, v.s, v.c FROM product_ratings r,
              (SELECT COALESCE(SUM(rating), 0) AS s, COUNT(*) AS c FROM reviews
                WHERE product_id = ? AND status = 'VISIBLE') v
        WHERE r.product_id = ?`,
      [product, product],
    );
    expect(Number(totals!.rating_sum)).toBe(Number(totals!.s));
    expect(Number(totals!.rating_count)).toBe(Number(totals!.c));
    const sum = Number(totals!.s);
    const count = Number(totals!.c);
    expect(await ratingOf(client2, product)).toEqual({
      average: count ? Math.round((sum * 100) / count) / 100 : null,
      count,
    });
    const [votes] = await Db.rows<{ helpful_count: number; n: number }>(
      `SELECT helpful_count, (SELECT COUNT(*) FROM review_helpful_votes WHERE review_id = ?) AS n
         FROM reviews WHERE id = ?`,
      [target, target],
    );
    expect([Number(votes!.helpful_count), Number(votes!.n)]).toEqual([39, 39]);
  });
});
