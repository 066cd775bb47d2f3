import { randomUUID } from 'node:crypto';
import { SHIPPING_ADDRESS } from './addresses';
import { Customer } from './customers';
import { logInAsAdmin } from './fixtures';
import { HttpClient, HttpResult } from './http';

export interface OrderLine {
  readonly productId: string;
  readonly quantity: number;
}

/**
 * Catalog and money set up through the API as an admin would, for suites that
 * drive orders (outages, load balancer): a category of their own, products
 * with known stock, funded wallets.
 */
export class Shop {
  private constructor(
    private readonly client: HttpClient,
    private readonly admin: string,
    readonly categoryId: string,
  ) {}

  static async open(client: HttpClient, name: string): Promise<Shop> {
    const admin = await logInAsAdmin(client);
    const category = await client.post(
      '/categories',
      { name: `${name}-${randomUUID().slice(0, 8)}` },
      { token: admin },
    );
    if (category.status !== 201) throw new Error(`category: ${category.status} ${category.text}`);
    return new Shop(client, admin, category.body.id as string);
  }

  async createProduct(stock: number, price: number): Promise<string> {
    const response = await this.client.post(
      '/products',
      {
        name: `Shop ${randomUUID().slice(0, 8)}`,
        description: '',
        price,
        stock,
        categoryId: this.categoryId,
      },
      { token: this.admin },
    );
    if (response.status !== 201) throw new Error(`product: ${response.status} ${response.text}`);
    return response.body.id as string;
  }

  async fund(customer: Customer, amount: number): Promise<void> {
    const response = await charge(this.client, customer, amount);
    if (response.status !== 201) throw new Error(`charge: ${response.status} ${response.text}`);
  }
}

export function charge(
  client: HttpClient,
  customer: Customer,
  amount: number,
): Promise<HttpResult> {
  return client.post(
    '/wallet/charges',
    { amount },
    { token: customer.token, headers: { 'idempotency-key': randomUUID() } },
  );
}

/** POST /orders with an Idempotency-Key (a new one unless given). */
export function placeOrder(
  client: HttpClient,
  customer: Customer,
  items: readonly OrderLine[],
  key: string = randomUUID(),
  timeoutMs = 30_000,
): Promise<HttpResult> {
  return client.post(
    '/orders',
    { items, address: SHIPPING_ADDRESS },
    { token: customer.token, headers: { 'idempotency-key': key }, timeoutMs },
  );
}
