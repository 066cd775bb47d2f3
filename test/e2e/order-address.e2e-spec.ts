import { randomUUID } from 'node:crypto';
import { AppProcess, startApi } from '../support/app-process';
import { SHIPPING_ADDRESS } from '../support/addresses';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { logInAsAdmin } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';
import { Shop } from '../support/shop';

const home = {
  recipient: 'Jane Parcel',
  phone: '+821012345678',
  postalCode: '04524',
  line1: '110 Sejong-daero, Jung-gu',
  line2: null,
};

describe('Delivery address of an order (e2e)', () => {
  let app: AppProcess;
  let api: HttpClient;
  let shop: Shop;
  let product: string;
  let buyer: Customer;
  let stranger: Customer;

  const order = (customer: Customer, delivery: object, path = '/orders') =>
    api.post(
      path,
      path === '/orders' ? { items: [{ productId: product, quantity: 1 }], ...delivery } : delivery,
      { token: customer.token, headers: { 'idempotency-key': randomUUID() } },
    );
  const addAddress = async (customer: Customer, address: object): Promise<string> => {
    const added = await api.post('/users/me/addresses', address, { token: customer.token });
    if (added.status !== 201) throw new Error(`address: ${added.status} ${added.text}`);
    return added.body.id as string;
  };

  beforeAll(async () => {
    app = await startApi();
    api = apiClient(app.url);
    shop = await Shop.open(api, 'order-address');
    product = await shop.createProduct(100, 1_000);
    [buyer, stranger] = await createCustomers(2, 'address');
    await shop.fund(buyer!, 100_000);
    await shop.fund(stranger!, 100_000);
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  it('copies an address book entry into the order: a later edit or delete of the entry does not move it', async () => {
    const addressId = await addAddress(buyer, home);
    const placed = await order(buyer, { addressId });
    expect(placed.status).toBe(201);
    expect(placed.body.shippingAddress).toEqual(home);

    expect(
      (
        await api.patch(
          `/users/me/addresses/${addressId}`,
          { line1: '152 Teheran-ro' },
          { token: buyer.token },
        )
      ).status,
    ).toBe(200);
    const read = await api.get(`/orders/${placed.body.id}`, { token: buyer.token });
    expect(read.body.shippingAddress).toEqual(home);
    expect(
      (await api.delete(`/users/me/addresses/${addressId}`, { token: buyer.token })).status,
    ).toBe(204);
    const list = await api.get('/orders', { token: buyer.token });
    expect(
      list.body.items.find((o: { id: string }) => o.id === placed.body.id).shippingAddress,
    ).toEqual(home);
  });

  it('takes an inline address, and checkout takes one too', async () => {
    const placed = await order(buyer, { address: SHIPPING_ADDRESS });
    expect(placed.status).toBe(201);
    expect(placed.body.shippingAddress).toEqual(SHIPPING_ADDRESS);

    await api.put(`/cart/items/${product}`, { quantity: 2 }, { token: buyer.token });
    const checkout = await order(
      buyer,
      { address: { ...home, line2: 'Gate B' } },
      '/cart/checkout',
    );
    expect(checkout.status).toBe(201);
    expect(checkout.body.shippingAddress).toEqual({ ...home, line2: 'Gate B' });
  });

  it("answers 404 for another member's address or an unknown one, and changes nothing", async () => {
    const theirs = await addAddress(stranger, home);
    const [before] = await Db.rows<{ stock: number }>('SELECT stock FROM products WHERE id = ?', [
      product,
    ]);
    for (const addressId of [theirs, randomUUID()]) {
      const refused = await order(buyer, { addressId });
      expect(refused.status).toBe(404);
      expect(refused.body.code).toBe('NOT_FOUND');
    }
    const checkout = await order(buyer, { addressId: theirs }, '/cart/checkout');
    expect(checkout.status).toBe(404);
    const [after] = await Db.rows<{ stock: number }>('SELECT stock FROM products WHERE id = ?', [
      product,
    ]);
    expect(after!.stock).toBe(before!.stock);
  });

  it.each([
    ['neither addressId nor address', {}, 'addressId'],
    ['both', { addressId: randomUUID(), address: SHIPPING_ADDRESS }, 'addressId'],
    [
      'a bad inline phone',
      { address: { ...SHIPPING_ADDRESS, phone: '010-1234' } },
      'address.phone',
    ],
    [
      'an inline address without line1',
      { address: { ...SHIPPING_ADDRESS, line1: undefined } },
      'address.line1',
    ],
    ['a malformed addressId', { addressId: 'home' }, 'addressId'],
  ])('answers 400 VALIDATION_FAILED for %s', async (_, delivery, field) => {
    const refused = await order(buyer, delivery);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('stores the copy sealed (no field in plain text), and an admin reading it is audited', async () => {
    const placed = await order(buyer, { address: home });
    const [row] = await Db.rows<Record<string, string | null>>(
      'SELECT recipient, phone, postal_code, line1, line2 FROM order_shipping_addresses WHERE order_id = ?',
      [placed.body.id],
    );
    const stored = Object.values(row!).join(' ');
    for (const value of Object.values(home)) if (value) expect(stored).not.toContain(value);
    expect(row!.recipient).toMatch(/^e1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{20,}$/);
    expect(row!.line2).toBeNull();

    const admin = await logInAsAdmin(api);
    const read = await api.get(`/orders/${placed.body.id}`, { token: admin });
    expect(read.body.shippingAddress).toEqual(home);
    const audits = await Db.rows<{ action: string; resource: string }>(
      'SELECT action, resource FROM audit_events WHERE subject_user_id = ? AND action = ?',
      [buyer.id, 'admin.order.read'],
    );
    expect(audits).toEqual([{ action: 'admin.order.read', resource: `order:${placed.body.id}` }]);
  });
});
