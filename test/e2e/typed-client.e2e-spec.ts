import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createHexashopClient } from '../../clients/typescript';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { uniqueEmail } from '../support/fixtures';

const ROOT = join(__dirname, '..', '..');

/**
 * The generated client (clients/typescript) against the built API: this file
 * is type-checked with the generated schema first (jest only transpiles), so
 * a change of a path, parameter, body or response that breaks clients fails
 * here; then a whole purchase runs through it.
 */
describe('Typed client (e2e)', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApi();
  });

  afterAll(async () => {
    await app.stop();
    await Db.end();
  });

  it('type-checks this purchase against the generated schema', async () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await promisify(execFile)(
      process.execPath,
      [tsc, '-p', join(ROOT, 'clients', 'typescript', 'tsconfig.json')],
      { cwd: ROOT },
    ).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? 'tsc failed',
    );
    expect(result).toBe('');
  });

  it('signs up, logs in, charges, fills the cart, checks out and cancels through the client', async () => {
    const session: { token?: string } = {};
    const api = createHexashopClient(app.url, { token: () => session.token });
    const email = uniqueEmail('typed');
    const password = 'typed-client-password';

    const signUp = await api.POST('/api/v1/auth/signup', {
      body: { email, password, name: 'Typed Client' },
    });
    expect(signUp.response.status).toBe(201);
    expect(signUp.data).toMatchObject({ email, role: 'CUSTOMER' });

    const login = await api.POST('/api/v1/auth/login', { body: { email, password } });
    expect(login.data?.tokenType).toBe('Bearer');
    session.token = login.data?.accessToken;

    const charge = await api.POST('/api/v1/wallet/charges', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { amount: 1_000_000 },
    });
    expect(charge.response.status).toBe(201);
    expect(charge.data?.balance).toBe(1_000_000);

    const products = await api.GET('/api/v1/products', {
      params: { query: { sort: 'price_asc', limit: 20 } },
    });
    const product = products.data?.items.find((item) => item.stock >= 2 && item.price <= 400_000);
    expect(product).toBeDefined();

    const cart = await api.PUT('/api/v1/cart/items/{productId}', {
      params: { path: { productId: product!.id } },
      body: { quantity: 2 },
    });
    expect(cart.data?.items).toEqual([
      expect.objectContaining({ productId: product!.id, quantity: 2, available: true }),
    ]);

    const address = await api.POST('/api/v1/users/me/addresses', {
      body: { recipient: 'Typed Client', phone: '+821012345678', postalCode: '04524', line1: 'A' },
    });
    expect(address.response.status).toBe(201);

    const order = await api.POST('/api/v1/cart/checkout', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      body: { addressId: address.data!.id },
    });
    expect(order.response.status).toBe(201);
    expect(order.data).toMatchObject({ status: 'PAID', subtotal: product!.price * 2 });
    expect(order.data?.shippingAddress).toEqual({
      recipient: 'Typed Client',
      phone: '+821012345678',
      postalCode: '04524',
      line1: 'A',
      line2: null,
    });
    const paid = order.data!.paidAmount;
    expect((await api.GET('/api/v1/wallet')).data?.balance).toBe(1_000_000 - paid);
    expect((await api.GET('/api/v1/cart')).data?.items).toEqual([]);

    const cancel = await api.POST('/api/v1/orders/{id}/cancel', {
      params: { path: { id: order.data!.id } },
    });
    expect(cancel.data?.status).toBe('CANCELLED');
    expect((await api.GET('/api/v1/wallet')).data?.balance).toBe(1_000_000);

    // Errors come back typed as the problem document.
    const again = await api.POST('/api/v1/orders/{id}/cancel', {
      params: { path: { id: order.data!.id } },
    });
    expect(again.response.status).toBe(409);
    expect(again.error?.code).toBe('ORDER_NOT_CANCELLABLE');
  });
});
