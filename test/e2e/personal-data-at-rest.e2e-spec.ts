import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { baseEnv } from '../support/app-process';
import { Db } from '../support/db';
import { apiForSuite } from '../support/api-suite';
import { Shop } from '../support/shop';
import { emailIndex } from '../support/personal-data';

const ROOT = join(__dirname, '..', '..');

/** Every CHAR/VARCHAR/TEXT column of the shop database. */
async function textColumns(): Promise<Array<{ table: string; column: string }>> {
  return Db.rows<{ table: string; column: string }>(
    `SELECT TABLE_NAME AS \`table\`, COLUMN_NAME AS \`column\` FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'json')`,
  );
}

/** Binlog files of the primary written since `since`. */
async function binlogsSince(since: number): Promise<string[]> {
  const [row] = await Db.rows<{ base: string }>('SELECT @@log_bin_basename AS base');
  const dir = dirname(row!.base);
  const prefix = basename(row!.base);
  return readdirSync(dir)
    .filter((file) => file.startsWith(`${prefix}.`) && /\.\d+$/.test(file))
    .map((file) => join(dir, file))
    .filter((file) => statSync(file).mtimeMs >= since - 2000);
}

describe('Personal data at rest (e2e)', () => {
  const suite = apiForSuite();
  const started = Date.now();

  it('stores no e-mail, name, phone or address in plain text: not in a table, the binlog or the log', async () => {
    // Not hexadecimal: a hex marker could turn up inside some id by chance.
    const marker = `zq${randomUUID().slice(0, 8)}`;
    const email = `Rest.${marker}@Example.test`;
    const name = `Restname ${marker}`;
    const signUp = await suite.api.post('/auth/signup', { email, password: 'password-123', name });
    expect(signUp.status).toBe(201);
    const login = await suite.api.post('/auth/login', { email, password: 'password-123' });
    expect(login.status).toBe(200);
    const token = login.body.accessToken as string;
    const address = await suite.api.post(
      '/users/me/addresses',
      {
        recipient: `Recipient ${marker}`,
        phone: '+821055501234',
        postalCode: '04524',
        line1: `Line ${marker}`,
      },
      { token },
    );
    expect(address.status).toBe(201);
    // An order keeps its own copy of the address, and its stored replay (the
    // Idempotency-Key record) holds the response that shows it.
    const shop = await Shop.open(suite.api, 'at-rest');
    const product = await shop.createProduct(10, 1_000);
    const charged = await suite.api.post(
      '/wallet/charges',
      { amount: 1_000 },
      { token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(charged.status).toBe(201);
    const order = await suite.api.post(
      '/orders',
      {
        items: [{ productId: product, quantity: 1 }],
        address: {
          recipient: `Recipient ${marker}`,
          phone: '+821055501234',
          postalCode: '04524',
          line1: `Order line ${marker}`,
        },
      },
      { token, headers: { 'idempotency-key': randomUUID() } },
    );
    expect(order.status).toBe(201);
    expect(order.body.shippingAddress).toMatchObject({ recipient: `Recipient ${marker}` });

    const me = await suite.api.get('/users/me', { token });
    expect(me.body).toMatchObject({ email: email.toLowerCase(), name, phone: null });

    // The row is found through the blind index only; its columns are sealed values.
    const [row] = await Db.rows<{ email: string; name: string }>(
      'SELECT email, name FROM users WHERE email_bidx = ?',
      [emailIndex(email)],
    );
    expect(row?.email).toMatch(/^e1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(row?.name).toMatch(/^e1\./);
    // No users row anywhere holds a plain address (seeded admin and test helpers included).
    expect(await Db.rows("SELECT id FROM users WHERE email LIKE '%@%'")).toEqual([]);

    const hits: string[] = [];
    for (const { table, column } of await textColumns()) {
      const found = await Db.rows(
        `SELECT 1 FROM \`${table}\` WHERE \`${column}\` LIKE ? OR \`${column}\` LIKE ? LIMIT 1`,
        [`%${marker}%`, '%+821055501234%'],
      );
      if (found.length > 0) hits.push(`${table}.${column}`);
    }
    expect(hits).toEqual([]);

    const needles = [marker, '+821055501234'].map((text) => Buffer.from(text));
    const binlogs = await binlogsSince(started);
    expect(binlogs.length).toBeGreaterThan(0);
    for (const file of binlogs) {
      const bytes = readFileSync(file);
      expect(needles.filter((needle) => bytes.includes(needle)).map(String)).toEqual([]);
    }
    expect(suite.app.logs()).not.toContain(marker);
  });

  it.each([
    ['DATA_KEYS', { DATA_KEYS: 'k1:c2hvcnQ=' }],
    ['DATA_KEYS', { DATA_KEYS: '' }],
    ['BLIND_INDEX_KEY', { BLIND_INDEX_KEY: '' }],
    ['DATA_KEY_ACTIVE', { DATA_KEY_ACTIVE: 'k9' }],
    ['BLIND_INDEX_KEY', { BLIND_INDEX_KEY: randomBytes(16).toString('base64') }],
  ])(
    'stops the API at start with one line naming %s when a key is wrong or missing',
    (variable, env) => {
      const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'main.js')], {
        cwd: ROOT,
        env: baseEnv({ PORT: '1', ...env }),
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(variable);
      expect(run.stderr + run.stdout).not.toContain(process.env.DATA_KEYS!.split(':')[1]!);
    },
  );
});
