import { randomUUID } from 'node:crypto';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { CouponRows } from '../support/coupon-rows';
import { createCustomers, inBatches } from '../support/customers';
import { Db } from '../support/db';
import { logInAsAdmin, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { accessClaims, signJwt } from '../support/jwt';

const primary = { query: (sql: string, params: unknown[] = []) => Db.rows(sql, params) };

const countBy = (results: HttpResult[]): Record<string, number> =>
  results.reduce<Record<string, number>>((counts, result) => {
    const key = `${result.status}${result.body?.code ? ` ${result.body.code}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
    return counts;
  }, {});

describe('Coupons (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  let admin: string;
  const hour = 3_600_000;
  const body = (overrides: Record<string, unknown> = {}) => ({
    name: 'Launch week',
    discountType: 'PERCENT',
    discountValue: 10,
    maxDiscount: 5000,
    minOrderAmount: 20_000,
    totalQuantity: 100,
    validFrom: new Date(Date.now() - hour).toISOString(),
    validUntil: new Date(Date.now() + 24 * hour).toISOString(),
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const response = await api.post('/coupons', body(overrides), { token: admin });
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${response.text}`);
    return response.body.id as string;
  };

  beforeAll(async () => {
    app = await startApi({ RATE_LIMIT_RPM: '0' });
    api = apiClient(app.url);
    admin = await logInAsAdmin(api);
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  describe('creating and reading', () => {
    it('lets an admin create a coupon and anyone read it with its remaining quantity', async () => {
      const input = body({ name: '  Spring  ' });
      const created = await api.post('/coupons', input, { token: admin });

      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Spring',
        discountType: 'PERCENT',
        discountValue: 10,
        maxDiscount: 5000,
        minOrderAmount: 20_000,
        totalQuantity: 100,
        remainingQuantity: 100,
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        createdAt: expect.any(String),
      });
      const read = await api.get(`/coupons/${created.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(created.body);
    });

    it('refuses customers with 403 and anonymous callers with 401', async () => {
      const [customer] = await createCustomers(1);

      const forbidden = await api.post('/coupons', body(), { token: customer!.token });
      const anonymous = await api.post('/coupons', body());

      expect(forbidden.status).toBe(403);
      expect(forbidden.body.code).toBe('FORBIDDEN');
      expect(anonymous.status).toBe(401);
    });

    it.each([
      ['a PERCENT value over 100', { discountValue: 101 }, 'discountValue'],
      [
        'a FIXED value of 0',
        { discountType: 'FIXED', discountValue: 0, maxDiscount: undefined },
        'discountValue',
      ],
      ['a maxDiscount on FIXED', { discountType: 'FIXED', discountValue: 1000 }, 'maxDiscount'],
      ['a fractional amount', { minOrderAmount: 10.5 }, 'minOrderAmount'],
      ['a quantity of 0', { totalQuantity: 0 }, 'totalQuantity'],
      ['a quantity over 1,000,000', { totalQuantity: 1_000_001 }, 'totalQuantity'],
      ['an empty name', { name: '  ' }, 'name'],
      ['a name over 100 characters', { name: 'n'.repeat(101) }, 'name'],
      ['a date without a time', { validFrom: '2026-01-01' }, 'validFrom'],
      [
        'validUntil before validFrom',
        { validUntil: new Date(Date.now() - 2 * hour).toISOString() },
        'validUntil',
      ],
      ['an unknown type', { discountType: 'BOGO' }, 'discountType'],
      ['an unknown field', { issuedQuantity: 5 }, 'issuedQuantity'],
    ])('rejects %s with 400 VALIDATION_FAILED naming the field', async (_label, change, field) => {
      const response = await api.post('/coupons', body(change), { token: admin });

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it('answers 404 for an unknown coupon, to reads and to issuing', async () => {
      const [customer] = await createCustomers(1);
      const id = randomUUID();

      expect((await api.get(`/coupons/${id}`)).status).toBe(404);
      const issue = await api.post(`/coupons/${id}/issue`, undefined, { token: customer!.token });
      expect(issue.status).toBe(404);
      expect(issue.body.code).toBe('NOT_FOUND');
    });
  });

  describe('issuing', () => {
    it('issues one coupon per user, lists it, and answers COUPON_ALREADY_ISSUED to a second request', async () => {
      const couponId = await create({ name: 'Once each' });
      const [customer] = await createCustomers(1);

      const issued = await api.post(`/coupons/${couponId}/issue`, undefined, {
        token: customer!.token,
      });
      const again = await api.post(`/coupons/${couponId}/issue`, undefined, {
        token: customer!.token,
      });
      const mine = await api.get('/users/me/coupons', { token: customer!.token });

      expect(issued.status).toBe(201);
      expect(issued.body).toEqual({
        userCouponId: expect.any(String),
        couponId,
        status: 'AVAILABLE',
        validUntil: expect.any(String),
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('COUPON_ALREADY_ISSUED');
      expect(mine.status).toBe(200);
      expect(mine.body).toEqual({
        items: [
          {
            userCouponId: issued.body.userCouponId,
            couponId,
            name: 'Once each',
            discountType: 'PERCENT',
            discountValue: 10,
            maxDiscount: 5000,
            minOrderAmount: 20_000,
            status: 'AVAILABLE',
            validUntil: issued.body.validUntil,
            issuedAt: expect.any(String),
            usedAt: null,
            orderId: null,
          },
        ],
        nextCursor: null,
      });
    });

    it('pages the caller’s coupons newest first with limit and cursor', async () => {
      const [customer] = await createCustomers(1);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const couponId = await create({ name: `Page ${i}` });
        const issued = await api.post(`/coupons/${couponId}/issue`, undefined, {
          token: customer!.token,
        });
        ids.push(issued.body.userCouponId);
      }

      const first = await api.get('/users/me/coupons?limit=2', { token: customer!.token });
      const second = await api.get(
        `/users/me/coupons?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
        { token: customer!.token },
      );

      expect(first.body.items.map((item: { userCouponId: string }) => item.userCouponId)).toEqual([
        ids[2],
        ids[1],
      ]);
      expect(second.body.items.map((item: { userCouponId: string }) => item.userCouponId)).toEqual([
        ids[0],
      ]);
      expect(second.body.nextCursor).toBeNull();
    });

    it('answers COUPON_NOT_USABLE outside the validity window', async () => {
      const [customer] = await createCustomers(1);
      const future = await create({
        validFrom: new Date(Date.now() + hour).toISOString(),
        validUntil: new Date(Date.now() + 2 * hour).toISOString(),
      });

      const response = await api.post(`/coupons/${future}/issue`, undefined, {
        token: customer!.token,
      });

      expect(response.status).toBe(409);
      expect(response.body.code).toBe('COUPON_NOT_USABLE');
    });

    it('hands out exactly 100 coupons when 1,000 users race for them (100 in flight)', async () => {
      const couponId = await create({ name: 'Drop', totalQuantity: 100 });
      const racers = await createCustomers(1000);

      const started = Date.now();
      const results = await inBatches(
        racers.map(
          (racer) => () =>
            api.post(`/coupons/${couponId}/issue`, undefined, {
              token: racer.token,
              timeoutMs: 60_000,
            }),
        ),
        100,
      );
      const elapsed = Date.now() - started;
      const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
      process.stdout.write(
        `coupon race: 1000 requests in ${elapsed} ms, p50 ${latencies[499]} ms, p99 ${latencies[989]} ms, max ${latencies[999]} ms\n`,
      );

      expect(countBy(results)).toEqual({ '201': 100, '409 COUPON_SOLD_OUT': 900 });
      const [coupon] = await Db.rows<{ issued_quantity: number }>(
        'SELECT issued_quantity FROM coupons WHERE id = ?',
        [couponId],
      );
      expect(Number(coupon?.issued_quantity)).toBe(100);
      const holders = await Db.rows<{ user_id: string }>(
        'SELECT user_id FROM user_coupons WHERE coupon_id = ?',
        [couponId],
      );
      expect(holders).toHaveLength(100);
      const winners = new Set(
        results.flatMap((result, i) => (result.status === 201 ? [racers[i]!.id] : [])),
      );
      expect(new Set(holders.map((row) => row.user_id))).toEqual(winners);
      expect(
        await waitUntil(
          async () => (await api.get(`/coupons/${couponId}`)).body.remainingQuantity === 0,
          5_000,
        ),
      ).toBe(true);
    });

    it('issues once when one user races 20 times', async () => {
      const couponId = await create({ name: 'Greedy', totalQuantity: 100 });
      const [greedy] = await createCustomers(1);

      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          api.post(`/coupons/${couponId}/issue`, undefined, {
            token: greedy!.token,
            timeoutMs: 30_000,
          }),
        ),
      );

      expect(countBy(results)).toEqual({ '201': 1, '409 COUPON_ALREADY_ISSUED': 19 });
      const [coupon] = await Db.rows<{ issued_quantity: number }>(
        'SELECT issued_quantity FROM coupons WHERE id = ?',
        [couponId],
      );
      expect(Number(coupon?.issued_quantity)).toBe(1);
    });
  });

  describe('expiry', () => {
    it('reads EXPIRED as soon as the window ends, and the worker’s sweep writes it', async () => {
      const userId = await CouponRows.user(primary);
      const [customer] = [{ id: userId, token: signJwt(accessClaims(userId)) }];
      const couponId = await create({
        name: 'Flash',
        validFrom: new Date(Date.now() - hour).toISOString(),
        validUntil: new Date(Date.now() + 1500).toISOString(),
      });
      const issued = await api.post(`/coupons/${couponId}/issue`, undefined, {
        token: customer.token,
      });
      expect(issued.status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1600));

      const mine = await api.get('/users/me/coupons', { token: customer.token });
      expect(mine.body.items[0].status).toBe('EXPIRED');
      expect(await CouponRows.status(primary, issued.body.userCouponId)).toMatchObject({
        status: 'AVAILABLE',
      });
      const late = await api.post(`/coupons/${couponId}/issue`, undefined, {
        token: (await createCustomers(1))[0]!.token,
      });
      expect(late.body.code).toBe('COUPON_NOT_USABLE');

      const worker = await startWorker({ COUPON_EXPIRY_EVERY_MS: '500' });
      try {
        expect(
          await waitUntil(
            async () =>
              (await CouponRows.status(primary, issued.body.userCouponId)).status === 'EXPIRED',
            15_000,
          ),
        ).toBe(true);
      } finally {
        await worker.stop();
      }
    });
  });
});
