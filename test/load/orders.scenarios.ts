import { SHIPPING_ADDRESS } from './shipping-address';
import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { createConnection, createPool, Pool } from 'mysql2/promise';
import type { Connection } from 'mysql2/promise';
import { v7 } from 'uuid';
import {
  BENCH_DB_POOL_SIZE,
  BENCH_JWT_SECRET,
  BenchContext,
  BenchError,
  cycle,
  HttpStatusError,
  Scenario,
  shuffled,
  WorkerTarget,
} from './harness';
import { userRowSealer } from './user-row-sealer';
import { placeOrderSql } from './order-sql';

/**
 * Order placement (issue "Commerce" item 9): POST /api/v1/orders against the
 * same SQL transaction sent with mysql2 from this process (order-sql.ts), for
 * many users buying many products and for everyone buying one hot product.
 * Each side has its own users and products, created here with SQL; every
 * request has a fresh Idempotency-Key. Afterwards the data is checked.
 */

/** Users per side; each gets a wallet charged with CHARGES × 1,000,000 won (one CHARGE ledger row each). */
const USERS = 2_000;
const CHARGES = 10;
/** Products per side in "many", and the stock they get (the CHECK allows up to 1,000,000). */
const PRODUCTS = 3_000;
const MANY_STOCK = 100_000;
const HOT_STOCK = 1_000_000;
/** A password hash no password matches: these users only use forged tokens. */
const NO_PASSWORD = '$argon2id$v=19$m=19456,t=2,p=1$bm9wYXNzd29yZA$bm9wYXNzd29yZA';

interface Line {
  readonly productId: string;
  readonly quantity: number;
}

/** What one side (API or SQL, many or hot) buys with, and what it got. */
interface Side {
  readonly label: string;
  /** What a created order is called in the note: a 201 answer or a committed transaction. */
  readonly unit: '201s' | 'commits';
  readonly userIds: readonly string[];
  readonly tokens: readonly string[];
  readonly productIds: readonly string[];
  readonly stock: number;
  /** order_lines quantity per product before the run (earlier runs on the same database). */
  readonly soldBefore: ReadonlyMap<string, number>;
  /** Ids of the orders the run was told were created (201 bodies, or committed transactions). */
  readonly created: string[];
}

let catalog: Promise<readonly string[]> | undefined;

/** ACTIVE product ids in a fixed shuffled order, split between the sides (never shared). */
function products(context: BenchContext): Promise<readonly string[]> {
  catalog ??= withConnection(context, async (connection) => {
    const [rows] = await connection.query(
      "SELECT id FROM products WHERE status = 'ACTIVE' ORDER BY id",
    );
    const ids = (rows as Array<{ id: string }>).map((row) => row.id);
    if (ids.length < 4 * PRODUCTS + 2)
      throw new BenchError(`only ${ids.length} active products: seed 100,000 first`);
    return shuffled(ids, 0x51ed270b);
  });
  return catalog;
}

const PRODUCT_SLICES = {
  'orders-sql': [0, PRODUCTS],
  orders: [PRODUCTS, 2 * PRODUCTS],
  'orders-hot-sql': [2 * PRODUCTS, 2 * PRODUCTS + 1],
  'orders-hot': [2 * PRODUCTS + 1, 2 * PRODUCTS + 2],
  // the scale-out rows (scale-out.scenarios.ts), each on products of its own
  'edge-1-orders': [2 * PRODUCTS + 2, 3 * PRODUCTS + 2],
  'edge-2-orders': [3 * PRODUCTS + 2, 4 * PRODUCTS + 2],
} as const;

async function withConnection<T>(
  context: BenchContext,
  work: (connection: Connection) => Promise<T>,
): Promise<T> {
  const connection = await createConnection({
    uri: context.env.DATABASE_URL!,
    timezone: 'Z',
    supportBigNumbers: true,
  });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

function chunks<T>(items: readonly T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An access token as the API signs it (HS256, issuer, audience, type, session, id). */
function accessToken(userId: string): string {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({
    sub: userId,
    role: 'CUSTOMER',
    sid: randomUUID(),
    typ: 'access',
    jti: randomUUID(),
    iat: now,
    exp: now + 4 * 3600,
    iss: 'hexashop',
    aud: 'hexashop-api',
  })}`;
  const signature = createHmac('sha256', BENCH_JWT_SECRET).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

/**
 * Users with SQL (sign-up hashes a password each), each with a wallet and
 * CHARGES ledger rows of 1,000,000 whose sum is the balance, like charges
 * through POST /wallet/charges leave them; and the side's products restocked.
 */
async function prepare(context: BenchContext, name: keyof typeof PRODUCT_SLICES): Promise<Side> {
  const [from, to] = PRODUCT_SLICES[name];
  const productIds = (await products(context)).slice(from, to);
  const stock = to - from === 1 ? HOT_STOCK : MANY_STOCK;
  const label = `${name}-${Date.now().toString(36)}`;
  const userIds = Array.from({ length: USERS }, () => v7());
  const sealer = userRowSealer();
  return withConnection(context, async (connection) => {
    const now = new Date();
    for (const batch of chunks(userIds, 500)) {
      await sealer.insert(
        connection,
        batch.map((id) => ({
          id,
          email: `${label}-${id}@bench.test`,
          name: 'Bench buyer',
          passwordHash: NO_PASSWORD,
          role: 'CUSTOMER' as const,
        })),
        now,
      );
      await connection.query(
        `INSERT INTO wallets (user_id, balance, points, version, created_at, updated_at) VALUES ${batch.map(() => '(?, ?, 0, ?, ?, ?)').join(', ')}`,
        batch.flatMap((id) => [id, CHARGES * 1_000_000, CHARGES, now, now]),
      );
      const ledger = batch.flatMap((id) =>
        Array.from({ length: CHARGES }, (_, i) => [
          v7(),
          id,
          'CHARGE',
          1_000_000,
          (i + 1) * 1_000_000,
          0,
          null,
          now,
        ]),
      );
      for (const rows of chunks(ledger, 1000))
        await connection.query(
          `INSERT INTO wallet_transactions (id, user_id, type, amount, balance_after, points_after, order_id, created_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          rows.flat(),
        );
    }
    const soldBefore = new Map<string, number>();
    for (const batch of chunks(productIds)) {
      await connection.query(`UPDATE products SET stock = ? WHERE id IN (?)`, [stock, batch]);
      const [rows] = await connection.query(
        'SELECT product_id, SUM(quantity) AS sold FROM order_lines WHERE product_id IN (?) GROUP BY product_id',
        [batch],
      );
      for (const row of rows as Array<{ product_id: string; sold: number | string }>)
        soldBefore.set(row.product_id, Number(row.sold));
    }
    context.log(
      `   ${USERS} users with ${CHARGES * 1_000_000} won each, ${productIds.length} product(s) with stock ${stock}`,
    );
    return {
      label,
      unit: name.endsWith('-sql') ? 'commits' : '201s',
      userIds,
      tokens: userIds.map(accessToken),
      productIds,
      stock,
      soldBefore,
      created: [],
    };
  });
}

/**
 * The same deterministic sequence of (user, lines) for both sides of a pair:
 * users round-robin (2,000 ≫ 50 connections, so one user's orders rarely
 * overlap), 1–3 distinct products at random with quantity 1–2; or one hot
 * product, quantity 1.
 */
function orderStream(side: Side, hot: boolean): () => { user: number; items: Line[] } {
  const users = cycle(shuffled(side.userIds.map((_, index) => index)));
  let state = 0x2545f491;
  const next = (bound: number): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return Math.floor((state / 0x1_0000_0000) * bound);
  };
  return () => {
    const user = users.next();
    if (hot) return { user, items: [{ productId: side.productIds[0]!, quantity: 1 }] };
    const count = 1 + next(3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(side.productIds[next(side.productIds.length)]!);
    return { user, items: [...chosen].map((productId) => ({ productId, quantity: 1 + next(2) })) };
  };
}

interface HttpAnswer {
  readonly status: number;
  readonly replayed: boolean;
  readonly body: string;
}

function post(
  agent: Agent,
  origin: URL,
  path: string,
  headers: Record<string, string>,
  body: string,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: 'POST',
        path,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            replayed: response.headers['idempotent-replayed'] !== undefined,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.setTimeout(10_000, () => request.destroy(new Error('no answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}

async function count(connection: Connection, sql: string, values: unknown[]): Promise<number> {
  const [rows] = await connection.query(sql, values);
  return Number((rows as Array<{ n: number | string | null }>)[0]?.n ?? 0);
}

/** Sums a count over the side's users, IN lists of 1,000. */
async function countByUsers(connection: Connection, sql: string, side: Side): Promise<number> {
  let sum = 0;
  for (const batch of chunks(side.userIds)) sum += await count(connection, sql, [batch]);
  return sum;
}

/**
 * Checks what a run left behind, the same way for both sides: as many orders
 * (and PAYMENT rows, outbox events, completed idempotency records) as the run
 * counted created; each product's stock went down by exactly what its order
 * lines sold and is not negative; a sample of wallets equals the sums of its ledger.
 */
async function verify(context: BenchContext, side: Side): Promise<string> {
  const created = side.created.length;
  if (new Set(side.created).size !== created)
    throw new BenchError(`${side.label}: an order id was answered twice`);
  return withConnection(context, async (connection) => {
    const problems: string[] = [];
    const expect = (what: string, actual: number, expected: number): void => {
      if (actual !== expected) problems.push(`${what}: ${actual}, expected ${expected}`);
    };
    expect(
      'orders of these users',
      await countByUsers(connection, 'SELECT COUNT(*) AS n FROM orders WHERE user_id IN (?)', side),
      created,
    );
    let known = 0;
    for (const batch of chunks(side.created))
      known += await count(connection, 'SELECT COUNT(*) AS n FROM orders WHERE id IN (?)', [batch]);
    expect('orders found by the ids answered', known, created);
    expect(
      'PAYMENT ledger rows',
      await countByUsers(
        connection,
        "SELECT COUNT(*) AS n FROM wallet_transactions WHERE user_id IN (?) AND type = 'PAYMENT'",
        side,
      ),
      created,
    );
    expect(
      'completed idempotency records',
      await countByUsers(
        connection,
        "SELECT COUNT(*) AS n FROM idempotency_records WHERE user_id IN (?) AND status = 'COMPLETED'",
        side,
      ),
      created,
    );
    expect(
      'idempotency records still in progress',
      await countByUsers(
        connection,
        "SELECT COUNT(*) AS n FROM idempotency_records WHERE user_id IN (?) AND status <> 'COMPLETED'",
        side,
      ),
      0,
    );
    expect(
      'OrderPlaced outbox events',
      await countByUsers(
        connection,
        "SELECT COUNT(*) AS n FROM outbox_events e JOIN orders o ON o.id = e.aggregate_id WHERE o.user_id IN (?) AND e.type = 'ordering.order-placed.v1'",
        side,
      ),
      created,
    );
    expect(
      'products with negative stock',
      await count(connection, 'SELECT COUNT(*) AS n FROM products WHERE stock < 0', []),
      0,
    );
    let lines = 0;
    for (const batch of chunks(side.productIds)) {
      const [stockRows] = await connection.query('SELECT id, stock FROM products WHERE id IN (?)', [
        batch,
      ]);
      const [soldRows] = await connection.query(
        'SELECT product_id, SUM(quantity) AS sold FROM order_lines WHERE product_id IN (?) GROUP BY product_id',
        [batch],
      );
      const sold = new Map(
        (soldRows as Array<{ product_id: string; sold: number | string }>).map((row) => [
          row.product_id,
          Number(row.sold),
        ]),
      );
      for (const row of stockRows as Array<{ id: string; stock: number }>) {
        const soldNow = (sold.get(row.id) ?? 0) - (side.soldBefore.get(row.id) ?? 0);
        lines += soldNow;
        if (row.stock < 0 || side.stock - row.stock !== soldNow)
          problems.push(`product ${row.id}: stock ${row.stock}, sold ${soldNow} of ${side.stock}`);
      }
    }
    const sample = shuffled(side.userIds, Date.now() >>> 0).slice(0, 200);
    const [wallets] = await connection.query(
      `SELECT w.user_id, w.balance, w.points,
              COALESCE(SUM(CASE t.type WHEN 'CHARGE' THEN t.amount WHEN 'REFUND' THEN t.amount
                                       WHEN 'PAYMENT' THEN -t.amount ELSE 0 END), 0) AS ledger_balance,
              COALESCE(SUM(CASE t.type WHEN 'POINTS_EARNED' THEN t.amount WHEN 'POINTS_RESTORED' THEN t.amount
                                       WHEN 'POINTS_USED' THEN -t.amount WHEN 'POINTS_REVOKED' THEN -t.amount
                                       ELSE 0 END), 0) AS ledger_points,
              (SELECT COALESCE(SUM(o.paid_amount), 0) FROM orders o WHERE o.user_id = w.user_id) AS paid
         FROM wallets w LEFT JOIN wallet_transactions t ON t.user_id = w.user_id
        WHERE w.user_id IN (?) GROUP BY w.user_id, w.balance, w.points`,
      [sample],
    );
    const walletRows = wallets as Array<Record<string, number | string>>;
    expect('sampled wallets', walletRows.length, sample.length);
    for (const row of walletRows) {
      const balance = Number(row.balance);
      if (
        balance !== Number(row.ledger_balance) ||
        Number(row.points) !== Number(row.ledger_points) ||
        balance !== CHARGES * 1_000_000 - Number(row.paid)
      )
        problems.push(`wallet ${String(row.user_id)}: ${JSON.stringify(row)}`);
    }
    if (problems.length > 0)
      throw new BenchError(`${side.label}: ${problems.slice(0, 5).join('; ')}`);
    return `${created.toLocaleString('en-US')} orders = ${created.toLocaleString('en-US')} ${side.unit}; outbox, ledger, idempotency rows match; stock of ${side.productIds.length.toLocaleString('en-US')} product(s) down by the ${lines.toLocaleString('en-US')} sold, none negative; ${walletRows.length} wallets = ledger sums`;
  });
}

/**
 * POST /api/v1/orders to `origin` for a side of its own (`name` picks its
 * products), one keep-alive connection per worker; `verify` checks what the
 * run left behind as for `orders`. Used by the scale-out rows too.
 */
export async function orderLoad(
  context: BenchContext,
  name: 'orders' | 'orders-hot' | 'edge-1-orders' | 'edge-2-orders',
  origin: URL,
): Promise<{ task: WorkerTarget['task']; verify: () => Promise<string>; close: () => void }> {
  const side = await prepare(context, name);
  const http = new Agent({ keepAlive: true, maxSockets: context.settings.connections });
  const next = orderStream(side, name === 'orders-hot');
  return {
    task: async () => {
      const { user, items } = next();
      const answer = await post(
        http,
        origin,
        '/api/v1/orders',
        {
          authorization: `Bearer ${side.tokens[user]!}`,
          'idempotency-key': randomUUID(),
          'content-type': 'application/json',
        },
        JSON.stringify({ items, address: SHIPPING_ADDRESS }),
      );
      if (answer.status !== 201 || answer.replayed)
        throw new HttpStatusError(answer.status, answer.body);
      side.created.push((JSON.parse(answer.body) as { id: string }).id);
    },
    verify: () => verify(context, side),
    close: () => http.destroy(),
  };
}

/** The API side: POST /api/v1/orders, one keep-alive connection per worker. */
function apiScenario(
  name: 'orders' | 'orders-hot',
  baseline: 'orders-sql' | 'orders-hot-sql',
  description: string,
): Scenario {
  let load: Awaited<ReturnType<typeof orderLoad>> | undefined;
  return {
    name,
    description,
    baseline,
    async setup(context): Promise<WorkerTarget> {
      const origin = new URL(await context.api());
      load = await orderLoad(context, name, origin);
      return { origin: origin.origin, task: load.task };
    },
    verify: () => load!.verify(),
    async teardown() {
      load?.close();
    },
  };
}

/** The baseline side: placeOrderSql from this process with a pool as large as the API's. */
function sqlScenario(name: 'orders-sql' | 'orders-hot-sql', description: string): Scenario {
  let side: Side | undefined;
  let pool: Pool | undefined;
  return {
    name,
    description,
    baseline: name,
    async setup(context): Promise<WorkerTarget> {
      side = await prepare(context, name);
      pool = createPool({
        uri: context.env.DATABASE_URL!,
        connectionLimit: BENCH_DB_POOL_SIZE,
        maxIdle: BENCH_DB_POOL_SIZE,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        supportBigNumbers: true,
        bigNumberStrings: false,
      });
      const current = side;
      const connections = pool;
      const next = orderStream(current, name === 'orders-hot-sql');
      return {
        task: async () => {
          const { user, items } = next();
          current.created.push(
            await placeOrderSql(connections, {
              userId: current.userIds[user]!,
              idempotencyKey: randomUUID(),
              items,
              address: SHIPPING_ADDRESS,
            }),
          );
        },
      };
    },
    verify: (context) => verify(context, side!),
    async teardown() {
      await pool?.end();
    },
  };
}

export const orderScenarios: readonly Scenario[] = [
  sqlScenario(
    'orders-sql',
    `baseline for \`orders\`: the API's order transaction (idempotency claim, snapshots, wallet lock/update/ledger, member key and sealed address copy, stock updates in id order, order, lines, outbox, idempotency completion) sent with mysql2 from the bench process, one order per worker at a time, a pool of ${BENCH_DB_POOL_SIZE} connections like the API's; ${USERS.toLocaleString('en-US')} users, 1–3 of ${PRODUCTS.toLocaleString('en-US')} products`,
  ),
  apiScenario(
    'orders',
    'orders-sql',
    `POST /api/v1/orders, ${USERS.toLocaleString('en-US')} users with funded wallets, each order 1–3 of ${PRODUCTS.toLocaleString('en-US')} products (quantity 1–2), a fresh Idempotency-Key each`,
  ),
  sqlScenario(
    'orders-hot-sql',
    'baseline for `orders-hot`: the same transaction as `orders-sql`, every order for one product',
  ),
  apiScenario(
    'orders-hot',
    'orders-hot-sql',
    `POST /api/v1/orders, ${USERS.toLocaleString('en-US')} users all buying one product (quantity 1), a fresh Idempotency-Key each`,
  ),
];
