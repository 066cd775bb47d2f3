import { randomUUID } from 'node:crypto';
import { Customer } from './customers';
import { Db } from './db';
import { HttpClient } from './http';
import { placeOrder } from './shop';

export interface Attempt {
  readonly customer: number;
  readonly key: string;
  /** 0: no HTTP answer (connection error or client timeout). */
  readonly status: number;
  readonly code?: string;
  readonly retryAfter: string | null;
  readonly orderId?: string;
  /** When the request was sent and answered (epoch ms). */
  readonly sentAt: number;
  readonly answeredAt: number;
}

/**
 * Customers placing orders one after another, each with an Idempotency-Key,
 * as a careful client does: a new key after a 201, the same key again after
 * anything else (a 503, a lost answer), 50 ms later. Every attempt is kept.
 */
export class OrderLoad {
  readonly attempts: Attempt[] = [];
  private running = false;
  private loops: Array<Promise<void>> = [];
  private readonly pendingKeys = new Map<number, string>();

  constructor(
    private readonly client: HttpClient,
    private readonly customers: readonly Customer[],
    private readonly productId: string,
  ) {}

  start(): void {
    this.running = true;
    this.loops = this.customers.map((_, index) => this.loop(index));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  /** Keys whose last attempt was not a 201 (the client would still retry them). */
  unfinishedKeys(): Array<{ customer: number; key: string }> {
    return [...this.pendingKeys.entries()].map(([customer, key]) => ({ customer, key }));
  }

  /** Sends one unfinished key again and records it. */
  async retry(customer: number, key: string): Promise<Attempt> {
    return this.send(customer, key);
  }

  /** Distinct keys answered 201, each with the order id(s) its answers named. */
  createdByKey(): Map<string, Set<string>> {
    const byKey = new Map<string, Set<string>>();
    for (const attempt of this.attempts) {
      if (attempt.status !== 201 || !attempt.orderId) continue;
      const ids = byKey.get(attempt.key) ?? new Set<string>();
      ids.add(attempt.orderId);
      byKey.set(attempt.key, ids);
    }
    return byKey;
  }

  private async loop(customer: number): Promise<void> {
    let key = randomUUID();
    while (this.running) {
      this.pendingKeys.set(customer, key);
      const attempt = await this.send(customer, key);
      if (attempt.status === 201) {
        this.pendingKeys.delete(customer);
        key = randomUUID();
      } else {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  private async send(customer: number, key: string): Promise<Attempt> {
    const sentAt = Date.now();
    let attempt: Attempt;
    try {
      const response = await placeOrder(
        this.client,
        this.customers[customer]!,
        [{ productId: this.productId, quantity: 1 }],
        key,
        20_000,
      );
      attempt = {
        customer,
        key,
        status: response.status,
        code: (response.body as { code?: string } | undefined)?.code,
        retryAfter: response.headers.get('retry-after'),
        orderId: response.status === 201 ? (response.body as { id: string }).id : undefined,
        sentAt,
        answeredAt: Date.now(),
      };
    } catch {
      attempt = { customer, key, status: 0, retryAfter: null, sentAt, answeredAt: Date.now() };
    }
    this.attempts.push(attempt);
    if (attempt.status === 201) this.pendingKeys.delete(customer);
    return attempt;
  }
}

export interface ShopState {
  readonly orders: number;
  readonly orderIds: Set<string>;
  readonly unitsOrdered: number;
  readonly stock: number;
  /** Customers whose wallet balance differs from the sum of their ledger. */
  readonly ledgerMismatches: number;
  /** Sum of order payments vs sum of PAYMENT ledger rows. */
  readonly paid: number;
  readonly paymentsInLedger: number;
  readonly claimsInProgress: number;
}

/** What the database (one node) holds for these customers and this product. */
export async function shopState(
  customers: readonly Customer[],
  productId: string,
  node: 'primary' | 'replica' = 'primary',
): Promise<ShopState> {
  const ids = customers.map((customer) => customer.id);
  const marks = ids.map(() => '?').join(',');
  const orders = await Db.rows<{ id: string; paid_amount: number | string }>(
    `SELECT id, paid_amount FROM orders WHERE user_id IN (${marks})`,
    ids,
    node,
  );
  const [units] = await Db.rows<{ units: number | string | null }>(
    `SELECT SUM(l.quantity) AS units FROM order_lines l JOIN orders o ON o.id = l.order_id
      WHERE o.user_id IN (${marks}) AND l.product_id = ?`,
    [...ids, productId],
    node,
  );
  const [product] = await Db.rows<{ stock: number }>(
    'SELECT stock FROM products WHERE id = ?',
    [productId],
    node,
  );
  const ledger = await Db.rows<{ balance: number | string; ledger: number | string | null }>(
    `SELECT w.balance,
            (SELECT SUM(CASE t.type WHEN 'CHARGE' THEN t.amount WHEN 'PAYMENT' THEN -t.amount ELSE 0 END)
               FROM wallet_transactions t WHERE t.user_id = w.user_id) AS ledger
       FROM wallets w WHERE w.user_id IN (${marks})`,
    ids,
    node,
  );
  const [payments] = await Db.rows<{ total: number | string | null }>(
    `SELECT SUM(amount) AS total FROM wallet_transactions WHERE type = 'PAYMENT' AND user_id IN (${marks})`,
    ids,
    node,
  );
  const [claims] = await Db.rows<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM idempotency_records WHERE status = 'IN_PROGRESS' AND user_id IN (${marks})`,
    ids,
    node,
  );
  return {
    orders: orders.length,
    orderIds: new Set(orders.map((order) => order.id)),
    unitsOrdered: Number(units?.units ?? 0),
    stock: Number(product?.stock),
    ledgerMismatches: ledger.filter((row) => Number(row.balance) !== Number(row.ledger ?? 0))
      .length,
    paid: orders.reduce((sum, order) => sum + Number(order.paid_amount), 0),
    paymentsInLedger: Number(payments?.total ?? 0),
    claimsInProgress: Number(claims?.n ?? 0),
  };
}
