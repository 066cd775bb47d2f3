import { randomUUID } from 'node:crypto';
import { Db } from '../support/db';
import { apiForSuite } from '../support/api-suite';
import { signUpAndLogIn, TestUser } from '../support/fixtures';
import { HttpResult } from '../support/http';

interface LedgerCheck {
  user_id: string;
  balance: number | string;
  points: number | string;
  ledger_balance: number | string;
  ledger_points: number | string;
  last_balance_after: number | string | null;
}

describe('Wallet (e2e)', () => {
  const suite = apiForSuite();
  const users: TestUser[] = [];

  const newUser = async (): Promise<TestUser> => {
    const user = await signUpAndLogIn(suite.api, 'wallet');
    users.push(user);
    return user;
  };
  const charge = (
    user: TestUser,
    body: unknown,
    key: string | null = randomUUID(),
  ): Promise<HttpResult> =>
    suite.api.post('/wallet/charges', body, {
      token: user.accessToken,
      headers: key === null ? {} : { 'idempotency-key': key },
    });
  const ledgerRows = (userId: string) =>
    Db.rows<{ type: string; amount: number }>(
      'SELECT type, amount FROM wallet_transactions WHERE user_id = ?',
      [userId],
    );
  const balanceOf = async (userId: string): Promise<number | undefined> => {
    const [row] = await Db.rows<{ balance: number }>(
      'SELECT balance FROM wallets WHERE user_id = ?',
      [userId],
    );
    return row === undefined ? undefined : Number(row.balance);
  };

  it('starts at 0/0, charges, and shows the balance and the ledger newest first', async () => {
    const user = await newUser();
    expect((await suite.api.get('/wallet', { token: user.accessToken })).body).toEqual({
      balance: 0,
      points: 0,
    });

    const first = await charge(user, { amount: 30_000 });
    const second = await charge(user, { amount: 12_345 });

    expect(first.status).toBe(201);
    expect(first.body).toEqual({ balance: 30_000, transactionId: expect.any(String) });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.balance).toBe(42_345);
    const wallet = await suite.api.get('/wallet', { token: user.accessToken });
    expect(wallet.status).toBe(200);
    expect(wallet.body).toEqual({ balance: 42_345, points: 0 });
    const list = await suite.api.get('/wallet/transactions', { token: user.accessToken });
    expect(list.status).toBe(200);
    expect(list.body).toEqual({
      items: [
        {
          id: second.body.transactionId,
          type: 'CHARGE',
          amount: 12_345,
          balanceAfter: 42_345,
          pointsAfter: 0,
          createdAt: expect.any(String),
        },
        {
          id: first.body.transactionId,
          type: 'CHARGE',
          amount: 30_000,
          balanceAfter: 30_000,
          pointsAfter: 0,
          createdAt: expect.any(String),
        },
      ],
      nextCursor: null,
    });
  });

  it('pages the ledger with limit and cursor', async () => {
    const user = await newUser();
    for (let i = 1; i <= 5; i++) await charge(user, { amount: i });

    const amounts: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `?limit=2&cursor=${encodeURIComponent(cursor)}` : '?limit=2';
      const page = await suite.api.get(`/wallet/transactions${query}`, { token: user.accessToken });
      expect(page.status).toBe(200);
      amounts.push(...page.body.items.map((item: { amount: number }) => item.amount));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    expect(amounts).toEqual([5, 4, 3, 2, 1]);
    expect(pages).toBe(3);
  });

  it.each([
    ['?limit=0', 'limit'],
    ['?limit=101', 'limit'],
    ['?cursor=bm90LWEtY3Vyc29y', 'cursor'],
  ])('rejects a listing with %s as 400 naming %s', async (query, field) => {
    const user = await newUser();
    const response = await suite.api.get(`/wallet/transactions${query}`, {
      token: user.accessToken,
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('requires authentication on every wallet route', async () => {
    expect((await suite.api.get('/wallet')).status).toBe(401);
    expect((await suite.api.get('/wallet/transactions')).status).toBe(401);
    const response = await suite.api.post(
      '/wallet/charges',
      { amount: 1 },
      {
        headers: { 'idempotency-key': randomUUID() },
      },
    );
    expect(response.status).toBe(401);
  });

  it.each([
    ['zero', { amount: 0 }, 'amount'],
    ['over 1,000,000', { amount: 1_000_001 }, 'amount'],
    ['a fraction', { amount: 10.5 }, 'amount'],
    ['a string', { amount: '100' }, 'amount'],
    ['missing', {}, 'amount'],
    ['an unknown field', { amount: 1, bonus: 5 }, 'bonus'],
  ])(
    'rejects an amount %s with 400 naming the field and writes nothing',
    async (_l, body, field) => {
      const user = await newUser();
      const key = randomUUID();

      const response = await charge(user, body, key);

      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await ledgerRows(user.id)).toEqual([]);
      // The failed request released its key: the client may fix the body and retry with it.
      expect((await charge(user, { amount: 5 }, key)).status).toBe(201);
    },
  );

  it.each([
    ['missing', null],
    ['empty', ''],
    ['too long', 'k'.repeat(101)],
    ['with spaces', 'not a key'],
  ])(
    'rejects a charge whose Idempotency-Key is %s with 400 IDEMPOTENCY_KEY_MISSING',
    async (_l, key) => {
      const user = await newUser();

      const response = await charge(user, { amount: 1_000 }, key);

      expect(response.status).toBe(400);
      expect(response.body.code).toBe('IDEMPOTENCY_KEY_MISSING');
      expect(await balanceOf(user.id)).toBeUndefined();
    },
  );

  it('executes 20 parallel identical charges once and replays the same bytes afterwards', async () => {
    const user = await newUser();
    const key = randomUUID();

    const results = await Promise.all(
      Array.from({ length: 20 }, () => charge(user, { amount: 7_000 }, key)),
    );

    const created = results.filter((r) => r.status === 201);
    const busy = results.filter((r) => r.status === 409);
    expect(created.length + busy.length).toBe(20);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.text)).size).toBe(1);
    for (const r of busy) expect(r.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await ledgerRows(user.id)).toEqual([{ type: 'CHARGE', amount: 7_000 }]);
    expect(await balanceOf(user.id)).toBe(7_000);

    const retry = await charge(user, { amount: 7_000 }, key);
    expect(retry.status).toBe(201);
    expect(retry.text).toBe(created[0]!.text);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('content-type')).toBe(created[0]!.headers.get('content-type'));
    expect(await ledgerRows(user.id)).toHaveLength(1);
  });

  it('treats the same body with keys in another order as the same request', async () => {
    const user = await newUser();
    const key = randomUUID();
    const first = await charge(user, { amount: 300 }, key);

    const again = await suite.api.post('/wallet/charges', undefined, {
      token: user.accessToken,
      headers: { 'idempotency-key': key },
      raw: '{ "amount" : 300 }',
    });

    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body, and changes nothing', async () => {
    const user = await newUser();
    const key = randomUUID();
    await charge(user, { amount: 1_000 }, key);

    const reused = await charge(user, { amount: 2_000 }, key);

    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await balanceOf(user.id)).toBe(1_000);
  });

  it('scopes keys to the user: another user may use the same key', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const key = `shared-${randomUUID()}`;

    expect((await charge(alice, { amount: 10 }, key)).status).toBe(201);
    const bobs = await charge(bob, { amount: 20 }, key);

    expect(bobs.status).toBe(201);
    expect(bobs.headers.get('idempotent-replayed')).toBeNull();
    expect(await balanceOf(bob.id)).toBe(20);
  });

  it('sums 50 concurrent charges with distinct keys exactly', async () => {
    const user = await newUser();

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => charge(user, { amount: 1_000 + i })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    const expected = 50 * 1_000 + (49 * 50) / 2;
    expect(await balanceOf(user.id)).toBe(expected);
    expect(Math.max(...results.map((r) => r.body.balance))).toBe(expected);
    expect(await ledgerRows(user.id)).toHaveLength(50);
  });

  it('refuses a charge above the 100,000,000 limit with 409 BALANCE_LIMIT_EXCEEDED and writes nothing', async () => {
    const user = await newUser();
    // 99 x 1,000,000 + 500,000, twenty at a time.
    const amounts = [...Array<number>(99).fill(1_000_000), 500_000];
    for (let i = 0; i < amounts.length; i += 20) {
      const batch = await Promise.all(
        amounts.slice(i, i + 20).map((amount) => charge(user, { amount })),
      );
      expect(batch.every((r) => r.status === 201)).toBe(true);
    }
    expect(await balanceOf(user.id)).toBe(99_500_000);
    const key = randomUUID();

    const over = await charge(user, { amount: 500_001 }, key);

    expect(over.status).toBe(409);
    expect(over.body.code).toBe('BALANCE_LIMIT_EXCEEDED');
    expect(await balanceOf(user.id)).toBe(99_500_000);
    expect(await ledgerRows(user.id)).toHaveLength(100);
    expect(
      await Db.rows('SELECT id FROM idempotency_records WHERE user_id = ? AND idem_key = ?', [
        user.id,
        key,
      ]),
    ).toEqual([]);
    const exact = await charge(user, { amount: 500_000 });
    expect(exact.status).toBe(201);
    expect(exact.body.balance).toBe(100_000_000);
  });

  it('documents the routes in OpenAPI, with the required Idempotency-Key header on charges', async () => {
    type Operation = {
      parameters?: Array<{ name: string; in: string; required?: boolean }>;
      responses: Record<string, unknown>;
    };
    const document = (await (await fetch(`${suite.app.url}/docs-json`)).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const chargeDoc = document.paths['/api/v1/wallet/charges']?.post;
    expect(chargeDoc?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    );
    expect(Object.keys(chargeDoc?.responses ?? {})).toEqual(
      expect.arrayContaining(['201', '400', '401', '409', '422']),
    );
    expect(document.paths['/api/v1/wallet']?.get?.responses).toHaveProperty('200');
    const list = document.paths['/api/v1/wallet/transactions']?.get;
    expect(list?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['limit', 'cursor']),
    );
  });

  it('keeps every ledger summing to its wallet after the run (primary)', async () => {
    const ids = users.map((user) => user.id);
    const rows = await Db.rows<LedgerCheck>(
      `SELECT w.user_id, w.balance, w.points,
              COALESCE(SUM(CASE t.type WHEN 'CHARGE' THEN t.amount WHEN 'REFUND' THEN t.amount
                                       WHEN 'PAYMENT' THEN -t.amount ELSE 0 END), 0) AS ledger_balance,
              COALESCE(SUM(CASE t.type WHEN 'POINTS_EARNED' THEN t.amount WHEN 'POINTS_RESTORED' THEN t.amount
                                       WHEN 'POINTS_USED' THEN -t.amount WHEN 'POINTS_REVOKED' THEN -t.amount
                                       ELSE 0 END), 0) AS ledger_points,
              (SELECT t2.balance_after FROM wallet_transactions t2
                WHERE t2.user_id = w.user_id ORDER BY t2.id DESC LIMIT 1) AS last_balance_after
         FROM wallets w LEFT JOIN wallet_transactions t ON t.user_id = w.user_id
        WHERE w.user_id IN (${ids.map(() => '?').join(', ')})
        GROUP BY w.user_id, w.balance, w.points`,
      ids,
    );

    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      expect([row.user_id, Number(row.ledger_balance), Number(row.ledger_points)]).toEqual([
        row.user_id,
        Number(row.balance),
        Number(row.points),
      ]);
      expect(Number(row.last_balance_after)).toBe(Number(row.balance));
    }
  });
});
