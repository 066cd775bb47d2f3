import { createHash, randomUUID } from 'node:crypto';
import type { Pool, PoolConnection, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { v7 } from 'uuid';
import { apiBuildModule } from './user-row-sealer';

/**
 * The SQL the API runs for `POST /api/v1/orders` (no coupon, no points), sent
 * with mysql2 straight from this process: the baseline of the order
 * scenarios. Statement for statement what these run, in the same order, with
 * the same text and parameters (docs/ordering.md):
 *
 * - IdempotencyStore.claim: autocommit `INSERT IGNORE INTO idempotency_records`
 * - TypeOrmUnitOfWork.run (TypeORM's `transaction('READ COMMITTED')`):
 *   `SET TRANSACTION ISOLATION LEVEL READ COMMITTED`, `START TRANSACTION`
 * - TypeOrmProductStock.snapshots: `SELECT id, name, price, stock, status FROM products WHERE id IN (…)`
 * - TypeOrmWalletRepository.lock/save: `SELECT … FROM wallets … FOR UPDATE`,
 *   `UPDATE wallets … WHERE user_id = ? AND version = ?`, one multi-row `INSERT INTO wallet_transactions`
 * - TypeOrmOrderRepository.addShippingAddress: the member's secret from the key vault
 *   (`SELECT user_id, secret FROM <keys schema>.member_keys`), the address sealed with the
 *   API's own FieldCipher (AES-256-GCM under an HKDF field key, one per row), `INSERT INTO order_shipping_addresses`
 * - TypeOrmProductStock.take: one conditional `UPDATE products SET stock = stock - ?` for a single line,
 *   else one `UPDATE … SET stock = stock - CASE id … END WHERE id IN (…)` for all lines (ADR 0071 addendum)
 * - TypeOrmOrderRepository.add: `INSERT INTO orders`, one multi-row `INSERT INTO order_lines`
 * - TypeOrmEventOutbox.append: `INSERT INTO outbox_events` (the OrderPlaced JSON payload)
 * - IdempotencyClaim.completeWithin: `UPDATE idempotency_records SET status = 'COMPLETED', …` with the
 *   response JSON sealed under the member's key (read once per transaction, as the API does since f9b9436)
 * - `COMMIT`; on a deadlock or lock-wait timeout the transaction is retried
 *   (4 attempts, the same backoff); on any other failure it rolls back and the claim is deleted.
 *
 * Every statement carries mysql2's 10 s timeout, as TypeORM's
 * `enableQueryTimeout` adds it. What the API does besides SQL (HTTP, JWT, the
 * Redis token check, rate limit, read-your-writes mark and cache eviction,
 * validation, logging, metrics) is not here: that is the cost the ratio shows.
 */
export interface OrderSqlRequest {
  readonly userId: string;
  readonly idempotencyKey: string;
  readonly items: ReadonlyArray<{ readonly productId: string; readonly quantity: number }>;
  /** The inline delivery address of the request body. */
  readonly address: ShippingAddress;
}

export interface ShippingAddress {
  readonly recipient: string;
  readonly phone: string;
  readonly postalCode: string;
  readonly line1: string;
  readonly line2: string | null;
}

type SealedAddress = Record<
  'recipient' | 'phone' | 'postal_code' | 'line1' | 'line2',
  string | null
>;

/** The API build's own sealing of an order's address copy (same cipher, keys and associated data). */
interface AddressSealer {
  readonly keysTable: string;
  seal(secret: Buffer, orderId: string, address: ShippingAddress): SealedAddress;
  /** The stored response, sealed as IdempotencyStore seals it (ADR 0032 addendum). */
  sealBody(secret: Buffer, recordId: string, body: string): string;
}

let sealer: AddressSealer | undefined;

function addressSealer(): AddressSealer {
  if (sealer) return sealer;
  type Ctor<A extends unknown[], T> = new (...args: A) => T;
  const { AppConfig } = apiBuildModule<{
    AppConfig: {
      personalDataFromEnv(): {
        keys: ReadonlyMap<string, Buffer>;
        activeKeyId: string;
        keySchema: string;
      };
    };
  }>('platform/config/app-config.js');
  const { KeyRing } = apiBuildModule<{
    KeyRing: Ctor<[ReadonlyMap<string, Buffer>, string], unknown>;
  }>('platform/crypto/key-ring.js');
  type Cipher = {
    sealRow(
      secret: Buffer,
      table: string,
      rowId: string,
      fields: Record<string, string>,
    ): Record<string, string>;
  };
  const { FieldCipher } = apiBuildModule<{ FieldCipher: Ctor<[unknown], Cipher> }>(
    'platform/crypto/field-cipher.js',
  );
  const { MemberKeyStore } = apiBuildModule<{
    MemberKeyStore: Ctor<[string], { keysTable: string }>;
  }>('platform/crypto/member-key-store.js');
  const { OrderShippingAddressPersistenceMapper: mapper } = apiBuildModule<{
    OrderShippingAddressPersistenceMapper: {
      sealed(
        cipher: unknown,
        secret: Buffer,
        orderId: string,
        address: ShippingAddress,
      ): SealedAddress;
    };
  }>('modules/ordering/adapters/persistence/order-shipping-address.persistence-mapper.js');
  const config = AppConfig.personalDataFromEnv();
  const cipher = new FieldCipher(new KeyRing(config.keys, config.activeKeyId));
  sealer = {
    keysTable: new MemberKeyStore(config.keySchema).keysTable,
    seal: (secret, orderId, address) => mapper.sealed(cipher, secret, orderId, address),
    sealBody: (secret, recordId, body) =>
      cipher.sealRow(secret, 'idempotency_records', recordId, { response_body: body })
        .response_body!,
  };
  return sealer;
}

const ROUTE = 'POST /api/v1/orders';
const LEASE_MS = 2_000; // IdempotencyStore.LEASE_MS
const TTL_MS = 24 * 60 * 60 * 1000;
const TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 4;
const WHERE_KEY = 'user_id = ? AND route = ? AND idem_key = ?';

type Runner = Pool | PoolConnection;

async function run<T>(runner: Runner, sql: string, values?: unknown[]): Promise<T> {
  const [result] = await runner.query({ sql, timeout: TIMEOUT_MS }, values);
  return result as T;
}

/** What the API hashes as the request's fingerprint (method, path, canonical body). */
function fingerprint(body: unknown): string {
  const canonical = JSON.stringify(body, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const source = member as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(source)
        .sort()
        .map((key) => [key, source[key]]),
    );
  });
  return createHash('sha256').update(`POST\n/api/v1/orders\n${canonical}`).digest('hex');
}

function retryable(error: unknown): boolean {
  const errno = (error as { errno?: number }).errno;
  return errno === 1213 || errno === 1205;
}

export class OrderSqlError extends Error {}

/** Places one order; resolves to its id once committed. */
export async function placeOrderSql(pool: Pool, request: OrderSqlRequest): Promise<string> {
  const now = new Date();
  const token = randomUUID();
  const recordId = v7();
  const key = [request.userId, ROUTE, request.idempotencyKey];
  const claimed = await run<ResultSetHeader>(
    pool,
    `INSERT IGNORE INTO idempotency_records
           (id, user_id, route, idem_key, request_hash, status, claim_token, locked_until, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?)`,
    [
      recordId,
      ...key,
      fingerprint({ items: request.items, address: request.address }),
      token,
      new Date(now.getTime() + LEASE_MS),
      now,
      new Date(now.getTime() + TTL_MS),
    ],
  );
  if (claimed.affectedRows !== 1)
    throw new OrderSqlError(`key ${request.idempotencyKey} already claimed`);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await transaction(pool, request, token, key, recordId);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5 * 2 ** attempt + Math.random() * 20));
      }
    }
  } catch (error) {
    await run(
      pool,
      `DELETE FROM idempotency_records
          WHERE ${WHERE_KEY} AND claim_token = ? AND status = 'IN_PROGRESS'`,
      [...key, token],
    ).catch(() => undefined);
    throw error;
  }
}

interface ProductRow extends RowDataPacket {
  id: string;
  name: string;
  price: number;
  stock: number;
  status: string;
}

interface WalletRow extends RowDataPacket {
  user_id: string;
  balance: number | string;
  points: number | string;
  version: number | string;
}

async function transaction(
  pool: Pool,
  request: OrderSqlRequest,
  token: string,
  key: readonly string[],
  recordId: string,
): Promise<string> {
  const connection = await pool.getConnection();
  try {
    await run(connection, 'SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
    await run(connection, 'START TRANSACTION');
    try {
      const orderId = await work(connection, request, token, key, recordId);
      await run(connection, 'COMMIT');
      return orderId;
    } catch (error) {
      await run(connection, 'ROLLBACK').catch(() => undefined);
      throw error;
    }
  } finally {
    connection.release();
  }
}

async function work(
  connection: PoolConnection,
  request: OrderSqlRequest,
  token: string,
  key: readonly string[],
  recordId: string,
): Promise<string> {
  const orderId = v7();
  const now = new Date();
  const { userId, items } = request;
  // 1. Snapshots: current names and prices, no lock.
  const rows = await run<ProductRow[]>(
    connection,
    `SELECT id, name, price, stock, status FROM products WHERE id IN (${items.map(() => '?').join(', ')})`,
    items.map((item) => item.productId),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const lines = items.map(({ productId, quantity }) => {
    const row = byId.get(productId);
    if (!row || row.status !== 'ACTIVE') throw new OrderSqlError(`${productId} unavailable`);
    if (Number(row.stock) < quantity) throw new OrderSqlError(`${productId} out of stock`);
    const unitPrice = Number(row.price);
    return { productId, name: row.name, unitPrice, quantity, lineTotal: unitPrice * quantity };
  });
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const paidAmount = subtotal;
  const pointsEarned = Math.floor(paidAmount / 100);
  // 2. Wallet: lock, pay, earn points, ledger.
  const [wallet] = await run<WalletRow[]>(
    connection,
    'SELECT user_id, balance, points, version FROM wallets WHERE user_id = ? FOR UPDATE',
    [userId],
  );
  if (!wallet) throw new OrderSqlError(`no wallet for ${userId}`);
  const balance = Number(wallet.balance) - paidAmount;
  if (balance < 0) throw new OrderSqlError(`insufficient balance for ${userId}`);
  const pointsBefore = Number(wallet.points);
  const points = pointsBefore + pointsEarned;
  const updated = await run<ResultSetHeader>(
    connection,
    `UPDATE wallets SET balance = ?, points = ?, version = version + 1, updated_at = ?
        WHERE user_id = ? AND version = ?`,
    [balance, points, now, userId, Number(wallet.version)],
  );
  if (updated.affectedRows !== 1) throw new OrderSqlError(`wallet of ${userId} changed`);
  const entries: unknown[][] = [];
  if (paidAmount > 0)
    entries.push([v7(), userId, 'PAYMENT', paidAmount, balance, pointsBefore, orderId, now]);
  if (pointsEarned > 0)
    entries.push([v7(), userId, 'POINTS_EARNED', pointsEarned, balance, points, orderId, now]);
  if (entries.length > 0)
    await run(
      connection,
      `INSERT INTO wallet_transactions
         (id, user_id, type, amount, balance_after, points_after, order_id, created_at)
       VALUES ${entries.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      entries.flat(),
    );
  // 3. The address copy, sealed with the member's secret (bench users all have one).
  const addresses = addressSealer();
  const [memberKey] = await run<Array<RowDataPacket & { secret: Buffer }>>(
    connection,
    `SELECT user_id, secret FROM ${addresses.keysTable} WHERE user_id = ?`,
    [userId],
  );
  if (!memberKey) throw new OrderSqlError(`no member key for ${userId}`);
  const sealed = addresses.seal(Buffer.from(memberKey.secret), orderId, request.address);
  await run(
    connection,
    'INSERT INTO order_shipping_addresses (order_id, recipient, phone, postal_code, line1, line2) VALUES (?, ?, ?, ?, ?, ?)',
    [orderId, sealed.recipient, sealed.phone, sealed.postal_code, sealed.line1, sealed.line2],
  );
  // 4. Stock in id order: one conditional UPDATE for one line, one UPDATE for several.
  const inIdOrder = [...items].sort((a, b) =>
    a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0,
  );
  if (inIdOrder.length === 1) {
    const [line] = inIdOrder as [(typeof inIdOrder)[number]];
    const result = await run<ResultSetHeader>(
      connection,
      "UPDATE products SET stock = stock - ? WHERE id = ? AND status = 'ACTIVE' AND stock >= ?",
      [line.quantity, line.productId, line.quantity],
    );
    if (result.affectedRows !== 1) throw new OrderSqlError(`${line.productId} out of stock`);
  } else {
    // Several lines: one statement, as TypeOrmProductStock.take sends it (the stock CHECK fails it when short).
    const result = await run<ResultSetHeader>(
      connection,
      `UPDATE products SET stock = stock - CASE id ${inIdOrder.map(() => 'WHEN ? THEN ?').join(' ')} END
            WHERE id IN (${inIdOrder.map(() => '?').join(', ')}) AND status = 'ACTIVE'`,
      [
        ...inIdOrder.flatMap((line) => [line.productId, line.quantity]),
        ...inIdOrder.map((line) => line.productId),
      ],
    );
    if (result.affectedRows !== inIdOrder.length) throw new OrderSqlError('a line is unavailable');
  }
  // 5. The order, its lines, its event.
  await run(
    connection,
    `INSERT INTO orders (id, user_id, status, subtotal, discount, points_used, paid_amount, points_earned, user_coupon_id, created_at, cancelled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [orderId, userId, 'PAID', subtotal, 0, 0, paidAmount, pointsEarned, null, now, null],
  );
  await run(
    connection,
    `INSERT INTO order_lines (order_id, product_id, name, unit_price, quantity, line_total) VALUES ${lines.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
    lines.flatMap((line) => [
      orderId,
      line.productId,
      line.name,
      line.unitPrice,
      line.quantity,
      line.lineTotal,
    ]),
  );
  const payload = {
    orderId,
    userId,
    lines: lines.map((line) => ({
      productId: line.productId,
      name: line.name,
      quantity: line.quantity,
      lineTotal: line.lineTotal,
    })),
    paidAmount,
    placedAt: now.toISOString(),
  };
  await run(
    connection,
    `INSERT INTO outbox_events (id, type, aggregate_type, aggregate_id, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?)`,
    [v7(), 'ordering.order-placed.v1', 'order', orderId, JSON.stringify(payload), now],
  );
  // 6. The idempotency record completed with the response, in the same transaction.
  const response = {
    id: orderId,
    status: 'PAID',
    items: lines,
    subtotal,
    discount: 0,
    pointsUsed: 0,
    paidAmount,
    pointsEarned,
    userCouponId: null,
    shippingAddress: request.address,
    createdAt: now.toISOString(),
    cancelledAt: null,
    fulfillment: { status: 'READY' },
  };
  const completed = await run<ResultSetHeader>(
    connection,
    `UPDATE idempotency_records
          SET status = 'COMPLETED', response_status = ?, response_body = ?, completed_at = ?,
              locked_until = NULL
        WHERE ${WHERE_KEY} AND claim_token = ? AND status = 'IN_PROGRESS'`,
    [
      201,
      addresses.sealBody(Buffer.from(memberKey.secret), recordId, JSON.stringify(response)),
      new Date(),
      ...key,
      token,
    ],
  );
  if (completed.affectedRows !== 1) throw new OrderSqlError('idempotency claim lost');
  return orderId;
}
