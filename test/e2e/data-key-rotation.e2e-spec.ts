import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppProcess, baseEnv, startApi } from '../support/app-process';
import { SHIPPING_ADDRESS } from '../support/addresses';
import { inBatches } from '../support/customers';
import { Db } from '../support/db';
import { logInAsAdmin, uniqueEmail } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { Shop } from '../support/shop';

const ROOT = join(__dirname, '..', '..');
const PASSWORD = 'password-123';

interface Address {
  recipient: string;
  phone: string;
  postalCode: string;
  line1: string;
  line2: string | null;
}

/** A member signed up through the API and what their data must read back as. */
interface Member {
  id: string;
  email: string;
  name: string;
  phone: string | null;
  token: string;
  addresses: Map<string, Address>;
  orders: Map<string, Address>;
}

/** The sealed columns the rotation knows (src/cli/rotate-data-keys.ts), with the SQL to their owner. */
const SEALED = [
  { table: 'users', id: 'id', columns: ['email', 'name', 'phone'], owner: 't.id', join: '' },
  {
    table: 'member_addresses',
    id: 'id',
    columns: ['recipient', 'phone', 'postal_code', 'line1', 'line2'],
    owner: 't.user_id',
    join: '',
  },
  { table: 'member_tokens', id: 'id', columns: ['new_email'], owner: 't.user_id', join: '' },
  {
    table: 'order_shipping_addresses',
    id: 'order_id',
    columns: ['recipient', 'phone', 'postal_code', 'line1', 'line2'],
    owner: 'o.user_id',
    join: 'JOIN orders o ON o.id = t.order_id',
  },
  { table: 'reviews', id: 'id', columns: ['author_name'], owner: 't.user_id', join: '' },
];

function runRotation(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'rotate-data-keys.js'), ...args],
      {
        cwd: ROOT,
        env: baseEnv(env),
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Issue "Members" 3, key rotation: with a new active key the rotation command
 * re-encrypts every sealed value while the API serves sign-ups, logins,
 * profile, address and order writes (none fails); restarted without the old
 * key, every member logs in and reads their profile, address book and order
 * addresses back, every users row opens, and the raw rows carry the new key
 * id (erased members' unreadable values excepted).
 */
describe('Data key rotation under load (e2e)', () => {
  const profileKeys = process.env.DATA_KEYS!;
  const oldId = process.env.DATA_KEY_ACTIVE?.trim() || profileKeys.split(':')[0]!.trim();
  const newId = `rot${randomUUID().slice(0, 6)}`;
  const newEntry = `${newId}:${randomBytes(32).toString('base64')}`;
  const both = { DATA_KEYS: `${profileKeys},${newEntry}`, DATA_KEY_ACTIVE: newId };
  const onlyNew = { DATA_KEYS: newEntry, DATA_KEY_ACTIVE: newId };
  let app: AppProcess | undefined;
  let api: HttpClient;
  let shop: Shop;
  let product: string;
  const members: Member[] = [];
  let erased: string;

  async function start(keys: Record<string, string>): Promise<void> {
    await app?.stop();
    app = await startApi(keys);
    api = apiClient(app.url);
  }

  function expectOk(response: HttpResult, what: string): HttpResult {
    if (response.status < 200 || response.status > 299)
      throw new Error(`${what}: ${response.status} ${response.text}`);
    return response;
  }

  async function signUp(prefix: string): Promise<Member> {
    const email = uniqueEmail(prefix);
    const name = `Rotating ${randomUUID().slice(0, 6)}`;
    const created = expectOk(
      await api.post('/auth/signup', { email, password: PASSWORD, name }),
      'signup',
    );
    const login = expectOk(await api.post('/auth/login', { email, password: PASSWORD }), 'login');
    const member: Member = {
      id: created.body.id as string,
      email,
      name,
      phone: null,
      token: login.body.accessToken as string,
      addresses: new Map(),
      orders: new Map(),
    };
    members.push(member);
    return member;
  }

  const anAddress = (tag: string): Address => ({
    recipient: `Recipient ${tag}`,
    phone: '+821055501234',
    postalCode: `0${Math.floor(1000 + Math.random() * 8999)}`,
    line1: `Line ${tag}`,
    line2: Math.random() < 0.5 ? null : `Unit ${tag}`,
  });

  async function addAddress(member: Member, tag: string): Promise<HttpResult> {
    const address = anAddress(tag);
    const added = await api.post('/users/me/addresses', address, { token: member.token });
    if (added.status === 201) member.addresses.set(added.body.id as string, address);
    return added;
  }

  async function order(member: Member): Promise<HttpResult> {
    const [addressId] = [...member.addresses.keys()];
    const placed = await api.post(
      '/orders',
      {
        items: [{ productId: product, quantity: 1 }],
        ...(addressId ? { addressId } : { address: SHIPPING_ADDRESS }),
      },
      { token: member.token, headers: { 'idempotency-key': randomUUID() } },
    );
    if (placed.status === 201)
      member.orders.set(
        placed.body.id as string,
        addressId ? member.addresses.get(addressId)! : { ...SHIPPING_ADDRESS },
      );
    return placed;
  }

  beforeAll(async () => {
    // Data written under the profile's key, as before a rotation.
    await start({});
    shop = await Shop.open(api, 'rotation');
    product = await shop.createProduct(100_000, 100);
    for (let i = 0; i < 8; i += 1) {
      const member = await signUp('rot-before');
      member.phone = '+821099990000';
      expectOk(
        await api.patch('/users/me', { phone: member.phone }, { token: member.token }),
        'phone',
      );
      expectOk(await addAddress(member, `b${i}`), 'address');
      await shop.fund(member, 1_000_000);
      expectOk(await order(member), 'order');
    }
    // A pending e-mail change: its new address is sealed in member_tokens.
    expectOk(
      await api.post(
        '/users/me/email',
        { currentPassword: PASSWORD, newEmail: uniqueEmail('rot-pending') },
        { token: members[0]!.token },
      ),
      'email change',
    );
    // An erased member: their values name the old key and open under none.
    const gone = await signUp('rot-erased');
    expectOk(await addAddress(gone, 'gone'), 'address');
    expectOk(
      await api.deleteWith('/users/me', { password: PASSWORD }, { token: gone.token }),
      'erase',
    );
    members.pop();
    erased = gone.id;
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
    // Back to the profile's key, so the suites after this one read everything.
    const back = await runRotation({ DATA_KEYS: both.DATA_KEYS, DATA_KEY_ACTIVE: oldId });
    await Db.end();
    expect(back.code).toBe(0);
  }, 180_000);

  it('re-encrypts everything while sign-ups, logins, profile, address and order writes go on, none failing', async () => {
    // Step 1 of the runbook: every instance gets the new key as the active one.
    await start(both);
    const failures: string[] = [];
    let requests = 0;
    let running = true;
    const record = (what: string, response: HttpResult): void => {
      requests += 1;
      if (response.status < 200 || response.status > 299)
        failures.push(`${what}: ${response.status} ${response.text.slice(0, 200)}`);
    };
    const loop = async (work: (n: number) => Promise<void>): Promise<void> => {
      for (let n = 0; running; n += 1) await work(n);
    };
    const existing = [...members];
    const loops = [
      // sign-ups (each new member then logs in and adds an address)
      ...[0, 1].map(() =>
        loop(async (n) => {
          try {
            const member = await signUp('rot-during');
            requests += 2;
            record('address', await addAddress(member, `d${n}`));
          } catch (error) {
            failures.push((error as Error).message);
          }
        }),
      ),
      // logins
      loop(async (n) => {
        const member = existing[n % existing.length]!;
        record('login', await api.post('/auth/login', { email: member.email, password: PASSWORD }));
      }),
      // profile reads and updates
      loop(async (n) => {
        const member = existing[n % 2]!;
        record('me', await api.get('/users/me', { token: member.token }));
        const name = `Renamed ${n}`;
        const changed = await api.patch('/users/me', { name }, { token: member.token });
        record('profile', changed);
        if (changed.status === 200) member.name = name;
      }),
      // address writes
      loop(async (n) => {
        const member = existing[2 + (n % 2)]!;
        const [id] = [...member.addresses.keys()];
        const address = anAddress(`u${n}`);
        const updated = await api.patch(`/users/me/addresses/${id}`, address, {
          token: member.token,
        });
        record('address update', updated);
        if (updated.status === 200) member.addresses.set(id!, address);
        record('address list', await api.get('/users/me/addresses', { token: member.token }));
      }),
      // orders with addresses
      loop(async (n) => {
        record('order', await order(existing[4 + (n % 4)]!));
      }),
    ];

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const rotation = await runRotation(both, ['--batch-size', '25', '--pause-ms', '5']);
    await new Promise((resolve) => setTimeout(resolve, 500));
    running = false;
    await Promise.all(loops);

    expect(rotation.stderr).toBe('');
    expect(rotation.code).toBe(0);
    expect(rotation.stdout).toMatch(/done: \d+ row\(s\) re-encrypted/);
    expect(rotation.stdout).toContain(`complete: keys other than ${newId} may leave DATA_KEYS`);
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(50);
    expect(members.length).toBeGreaterThan(8);
  }, 300_000);

  it('after a restart without the old key every row reads back, and the raw rows carry the new key id', async () => {
    // Step 3 of the runbook: the old key leaves DATA_KEYS.
    await start(onlyNew);
    const admin = await logInAsAdmin(api);

    await inBatches(
      members.map((member) => async () => {
        const login = await api.post('/auth/login', { email: member.email, password: PASSWORD });
        expect(login.status).toBe(200);
        const token = login.body.accessToken as string;
        const me = await api.get('/users/me', { token });
        expect(me.status).toBe(200);
        expect(me.body).toMatchObject({
          email: member.email,
          name: member.name,
          phone: member.phone,
        });
        const book = await api.get('/users/me/addresses', { token });
        expect(book.status).toBe(200);
        expect(
          Object.fromEntries(
            (book.body.items as Array<Address & { id: string }>).map(({ id, ...rest }) => [
              id,
              {
                recipient: rest.recipient,
                phone: rest.phone,
                postalCode: rest.postalCode,
                line1: rest.line1,
                line2: rest.line2,
              },
            ]),
          ),
        ).toEqual(Object.fromEntries(member.addresses));
        for (const [orderId, address] of member.orders) {
          const placed = await api.get(`/orders/${orderId}`, { token });
          expect(placed.status).toBe(200);
          expect(placed.body.shippingAddress).toEqual(address);
        }
      }),
      8,
    );

    // Every users row of the database opens (the admin view decrypts e-mail, name and phone).
    const ids = await Db.rows<{ id: string }>('SELECT id FROM users WHERE erased_at IS NULL');
    const unreadable = (
      await inBatches(
        ids.map(({ id }) => async () => {
          const view = await api.get(`/admin/users/${id}`, { token: admin });
          return view.status === 200 && typeof view.body.email === 'string'
            ? null
            : `${id}: ${view.status}`;
        }),
        16,
      )
    ).filter((outcome) => outcome !== null);
    expect(unreadable).toEqual([]);

    // Raw rows: every sealed value of a member who has a key names the new key;
    // the erased member's values still name the old one (nothing can open them).
    const vault = `\`${(await Db.rows<{ db: string }>('SELECT DATABASE() AS db'))[0]!.db}_keys\``;
    const keysSchema = process.env.MEMBER_KEYS_SCHEMA
      ? `\`${process.env.MEMBER_KEYS_SCHEMA}\``
      : vault;
    for (const sealed of SEALED) {
      const stale = await Db.rows<{ id: string }>(
        `SELECT t.${sealed.id} AS id FROM ${sealed.table} t ${sealed.join}
           JOIN ${keysSchema}.member_keys k ON k.user_id = ${sealed.owner}
          WHERE ${sealed.columns.map((c) => `(t.${c} IS NOT NULL AND t.${c} NOT LIKE ?)`).join(' OR ')}`,
        sealed.columns.map(() => `e1.${newId}.%`),
      );
      expect({ table: sealed.table, stale }).toEqual({ table: sealed.table, stale: [] });
    }
    const [gone] = await Db.rows<{ email: string }>('SELECT email FROM users WHERE id = ?', [
      erased,
    ]);
    expect(gone!.email.startsWith(`e1.${oldId}.`)).toBe(true);

    // No other column holds a sealed value the rotation would not know about.
    const columns = await Db.rows<{ t: string; c: string }>(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char', 'varchar', 'text')`,
    );
    const known = new Set(SEALED.flatMap((s) => s.columns.map((c) => `${s.table}.${c}`)));
    const strays: string[] = [];
    for (const { t, c } of columns.filter(({ t, c }) => !known.has(`${t}.${c}`))) {
      const [hit] = await Db.rows(`SELECT 1 FROM \`${t}\` WHERE \`${c}\` LIKE 'e1.%.%' LIMIT 1`);
      if (hit) strays.push(`${t}.${c}`);
    }
    expect(strays).toEqual([]);

    const check = await runRotation(onlyNew, ['--check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(`values under another key than ${newId}: none`);
  }, 300_000);

  it('stops at start with one line naming the variable when a key is missing or wrong', async () => {
    const missing = await runRotation({ DATA_KEYS: undefined });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/DATA_KEYS/);

    const wrong = await runRotation({ DATA_KEYS: newEntry, DATA_KEY_ACTIVE: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim().split('\n')).toHaveLength(1);
    expect(wrong.stderr).toMatch(/DATA_KEY_ACTIVE/);
  });
});
