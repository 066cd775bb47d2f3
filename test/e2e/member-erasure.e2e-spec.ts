import { join } from 'node:path';
import { Pool, RowDataPacket } from 'mysql2/promise';
import { AppProcess, startApi } from '../support/app-process';
import { Backups, poolFor, Restored } from '../support/backups';
import { Db } from '../support/db';
import { requireEnv } from '../support/env';
import { logInAsAdmin, signUpAndLogIn, TestUser } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { emailIndex } from '../support/personal-data';
import { placeOrder, Shop } from '../support/shop';

const ROOT = join(__dirname, '..', '..');
const VAULT =
  process.env.MEMBER_KEYS_SCHEMA ?? `${new URL(requireEnv('DATABASE_URL')).pathname.slice(1)}_keys`;

describe('Erasure (e2e)', () => {
  const backups = new Backups(join(ROOT, '.local', 'test', `backups-erasure-${process.pid}`));
  let app: AppProcess;
  let api: HttpClient;
  let restored: Restored | undefined;
  let restoredPool: Pool | undefined;

  beforeAll(async () => {
    app = await startApi({ TRUST_PROXY: 'true' });
    api = apiClient(app.url);
  });

  afterAll(async () => {
    await restoredPool?.end();
    if (restored) await backups.stop(restored.port).catch(() => undefined);
    await app.stop();
    await Db.end();
  });

  async function memberWithData(prefix: string): Promise<{ user: TestUser; orderId: string }> {
    const user = await signUpAndLogIn(api, prefix);
    await api.patch('/users/me', { phone: '+821077700000' }, { token: user.accessToken });
    await api.post(
      '/users/me/addresses',
      {
        recipient: 'Erased Person',
        phone: '+821077700000',
        postalCode: '04524',
        line1: 'Gone-ro 1',
      },
      { token: user.accessToken },
    );
    const shop = await Shop.open(api, prefix);
    const customer = { id: user.id, email: user.email, token: user.accessToken };
    await shop.fund(customer, 100_000);
    const order = await placeOrder(api, customer, [
      { productId: await shop.createProduct(10, 5_000), quantity: 1 },
    ]);
    if (order.status !== 201) throw new Error(`order: ${order.status} ${order.text}`);
    return { user, orderId: order.body.id as string };
  }

  it('erases a member: no login, tokens dead, data unreadable, orders/ledger/audit kept, the address free again; a restored backup stays erased', async () => {
    const { user, orderId } = await memberWithData('erase');
    const backup = await backups.backup(); // before the erasure: holds the member's sealed rows
    const other = (await api.post('/auth/login', { email: user.email, password: user.password }))
      .body;

    const wrong = await api.deleteWith(
      '/users/me',
      { password: 'not-it' },
      { token: user.accessToken },
    );
    expect(wrong.status).toBe(401);
    const erased = await api.deleteWith(
      '/users/me',
      { password: user.password },
      { token: user.accessToken },
    );
    expect(erased.status).toBe(204);

    expect((await api.get('/users/me', { token: user.accessToken })).status).toBe(401);
    expect((await api.get('/users/me', { token: other.accessToken })).status).toBe(401);
    expect(
      (
        await api.post(
          '/auth/login',
          { email: user.email, password: user.password },
          // its own client address: failed logins count per address in the shared Redis
          { headers: { 'x-forwarded-for': '10.77.0.2' } },
        )
      ).status,
    ).toBe(401);
    // Crypto-shredded: the key is gone from the vault, its erasure logged.
    expect(
      await Db.rows(`SELECT user_id FROM \`${VAULT}\`.member_keys WHERE user_id = ?`, [user.id]),
    ).toEqual([]);
    expect(
      await Db.rows(`SELECT user_id FROM \`${VAULT}\`.member_erasures WHERE user_id = ?`, [
        user.id,
      ]),
    ).toHaveLength(1);
    expect(await Db.rows('SELECT id FROM member_addresses WHERE user_id = ?', [user.id])).toEqual(
      [],
    );
    // Kept for accounting, the member shown as erased.
    const admin = await logInAsAdmin(api);
    expect((await api.get(`/orders/${orderId}`, { token: admin })).status).toBe(200);
    expect(
      (await Db.rows('SELECT id FROM wallet_transactions WHERE user_id = ?', [user.id])).length,
    ).toBeGreaterThan(0);
    expect(
      await Db.rows(
        "SELECT id FROM audit_events WHERE subject_user_id = ? AND action = 'member.erased'",
        [user.id],
      ),
    ).toHaveLength(1);
    const shown = await api.get(`/admin/users/${user.id}`, { token: admin });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      id: user.id,
      email: null,
      name: null,
      erasedAt: expect.any(String),
    });
    // The address may sign up again, as a new account.
    const again = await api.post('/auth/signup', {
      email: user.email,
      password: 'password-456',
      name: 'Someone New',
    });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(user.id);

    // Restore the backup taken before the erasure, by the documented procedure (hooks included).
    restored = await backups.restore(['--to', backup.dir]);
    expect(restored.output).toContain('hooks: 50-replay-member-erasures');
    restoredPool = poolFor(restored.url);
    const [rows] = await restoredPool.query<RowDataPacket[]>(
      'SELECT email, name, email_bidx, password_hash, erased_at FROM users WHERE id = ?',
      [user.id],
    );
    const row = rows[0]!;
    expect(row.email_bidx).toBeNull(); // login by that address finds nothing
    expect(row.password_hash).toBe('$argon2id$erased'); // and no password matches
    expect(row.erased_at).not.toBeNull();
    expect(String(row.email)).toMatch(/^e1\./); // still sealed, and its key exists nowhere
    const [byIndex] = await restoredPool.query<RowDataPacket[]>(
      'SELECT id FROM users WHERE email_bidx = ?',
      [emailIndex(user.email)],
    );
    expect(byIndex).toEqual([]);
    const [addresses] = await restoredPool.query<RowDataPacket[]>(
      'SELECT id FROM member_addresses WHERE user_id = ?',
      [user.id],
    );
    expect(addresses).toEqual([]);
  });
});
