import { randomUUID } from 'node:crypto';
import { AppProcess, startApi } from '../support/app-process';
import { Db } from '../support/db';
import { logInAsAdmin, signUpAndLogIn } from '../support/fixtures';
import { apiClient, HttpClient } from '../support/http';

interface CartItem {
  productId: string;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
  available: boolean;
}

interface Cart {
  items: CartItem[];
  total: number;
}

describe('Cart (e2e)', () => {
  let api: AppProcess;
  let client: HttpClient;
  let admin: string;
  let categoryId: string;

  const createProduct = async (price = 1_000, stock = 10): Promise<string> => {
    const response = await client.post(
      '/products',
      {
        name: `Cart product ${randomUUID().slice(0, 8)}`,
        description: 'For the cart tests',
        price,
        stock,
        categoryId,
      },
      { token: admin },
    );
    if (response.status !== 201)
      throw new Error(`create failed: ${response.status} ${response.text}`);
    return response.body.id as string;
  };

  const createProducts = async (count: number): Promise<string[]> => {
    const ids: string[] = [];
    while (ids.length < count) {
      const batch = Math.min(10, count - ids.length);
      ids.push(...(await Promise.all(Array.from({ length: batch }, () => createProduct()))));
    }
    return ids;
  };

  const customer = async (): Promise<string> => (await signUpAndLogIn(client, 'cart')).accessToken;

  const put = (token: string, productId: string, body: unknown) =>
    client.put<Cart>(`/cart/items/${productId}`, body, { token });

  const cartOf = async (token: string): Promise<Cart> => {
    const response = await client.get<Cart>('/cart', { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  const storedLineCount = async (token: string): Promise<number> => {
    const userId = (await client.get('/users/me', { token })).body.id as string;
    const [row] = await Db.rows<{ n: number }>(
      'SELECT COUNT(*) AS n FROM cart_items WHERE user_id = ?',
      [userId],
    );
    return Number(row!.n);
  };

  beforeAll(async () => {
    api = await startApi({}, { waitFor: 'ready' });
    client = apiClient(api.url);
    admin = await logInAsAdmin(client);
    const category = await client.post(
      '/categories',
      { name: `cart-${randomUUID().slice(0, 12)}` },
      { token: admin },
    );
    expect(category.status).toBe(201);
    categoryId = category.body.id as string;
  });

  afterAll(async () => {
    await api.stop();
    await Db.end();
  });

  it('answers 401 without a token on every cart route', async () => {
    const id = randomUUID();
    const responses = await Promise.all([
      client.get('/cart'),
      client.put(`/cart/items/${id}`, { quantity: 1 }),
      client.delete(`/cart/items/${id}`),
      client.delete('/cart'),
    ]);

    expect(responses.map((r) => [r.status, r.body.code])).toEqual(
      Array.from({ length: 4 }, () => [401, 'UNAUTHORIZED']),
    );
  });

  it('adds, changes, removes and clears lines, each write answering with the cart', async () => {
    const token = await customer();
    const [first, second] = [await createProduct(1_200, 10), await createProduct(3_000, 10)];

    expect(await cartOf(token)).toEqual({ items: [], total: 0 });

    const added = await put(token, first!, { quantity: 2 });
    expect(added.status).toBe(200);
    expect(added.body).toEqual({
      items: [
        {
          productId: first,
          name: expect.stringMatching(/^Cart product /),
          unitPrice: 1_200,
          quantity: 2,
          lineTotal: 2_400,
          available: true,
        },
      ],
      total: 2_400,
    });

    expect((await put(token, second!, { quantity: 1 })).status).toBe(200);
    // Setting replaces the quantity, and the line keeps its place (order of first addition).
    const changed = await put(token, first!, { quantity: 5 });
    expect(changed.status).toBe(200);
    expect(changed.body.items.map((item) => [item.productId, item.quantity])).toEqual([
      [first, 5],
      [second, 1],
    ]);
    expect(changed.body.total).toBe(5 * 1_200 + 3_000);
    expect(await cartOf(token)).toEqual(changed.body);

    const removed = await client.delete<Cart>(`/cart/items/${second}`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.items.map((item) => item.productId)).toEqual([first]);
    expect(removed.body.total).toBe(6_000);

    const absent = await client.delete<Cart>(`/cart/items/${randomUUID()}`, { token });
    expect(absent.status).toBe(200);
    expect(absent.body).toEqual(removed.body);

    const cleared = await client.delete('/cart', { token });
    expect(cleared.status).toBe(204);
    expect(cleared.text).toBe('');
    expect(await cartOf(token)).toEqual({ items: [], total: 0 });
    expect(await storedLineCount(token)).toBe(0);
  });

  it('shows the current price, and marks lines unavailable when the product is hidden or short of stock', async () => {
    const token = await customer();
    const [priced, hidden, scarce] = [
      await createProduct(1_000, 10),
      await createProduct(2_000, 10),
      await createProduct(500, 5),
    ];
    await put(token, priced!, { quantity: 2 });
    await put(token, hidden!, { quantity: 1 });
    await put(token, scarce!, { quantity: 4 });
    expect((await cartOf(token)).total).toBe(2_000 + 2_000 + 2_000);

    expect(
      (await client.patch(`/products/${priced}`, { price: 1_500 }, { token: admin })).status,
    ).toBe(200);
    expect((await client.delete(`/products/${hidden}`, { token: admin })).status).toBe(204);
    expect(
      (
        await client.post(
          `/products/${scarce}/stock-adjustments`,
          { delta: -2, reason: 'damaged' },
          { token: admin },
        )
      ).status,
    ).toBe(200);

    const cart = await cartOf(token);
    expect(cart.items.map((item) => [item.productId, item.unitPrice, item.available])).toEqual([
      [priced, 1_500, true],
      [hidden, 2_000, false],
      [scarce, 500, false],
    ]);
    expect(cart.items.map((item) => item.lineTotal)).toEqual([3_000, 2_000, 2_000]);
    expect(cart.total).toBe(3_000);

    // Back within stock: available again.
    const lowered = await put(token, scarce!, { quantity: 3 });
    expect(lowered.body.items.find((item) => item.productId === scarce)?.available).toBe(true);
    expect(lowered.body.total).toBe(3_000 + 1_500);
  });

  it.each([
    ['0', { quantity: 0 }],
    ['101', { quantity: 101 }],
    ['1.5', { quantity: 1.5 }],
    ['a string', { quantity: '2' }],
    ['missing', {}],
  ])('rejects quantity %s with 400 VALIDATION_FAILED naming quantity', async (_label, body) => {
    const token = await customer();
    const id = await createProduct();

    const response = await put(token, id, body);

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((response.body as unknown as { errors: Array<{ field: string }> }).errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'quantity' })]),
    );
    expect(await storedLineCount(token)).toBe(0);
  });

  it('rejects unknown fields with 400', async () => {
    const token = await customer();
    const id = await createProduct();

    const response = await put(token, id, { quantity: 1, unitPrice: 1 });

    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers 404 NOT_FOUND for an unknown, hidden or malformed product id', async () => {
    const token = await customer();
    const hidden = await createProduct();
    expect((await client.delete(`/products/${hidden}`, { token: admin })).status).toBe(204);

    const responses = [
      await put(token, randomUUID(), { quantity: 1 }),
      await put(token, hidden, { quantity: 1 }),
      await put(token, 'not-a-uuid', { quantity: 1 }),
      await client.delete(`/cart/items/not-a-uuid`, { token }),
    ];

    expect(responses.map((r) => [r.status, (r.body as unknown as { code: string }).code])).toEqual(
      Array.from({ length: 4 }, () => [404, 'NOT_FOUND']),
    );
    expect(await storedLineCount(token)).toBe(0);
  });

  it("keeps each user's cart to themselves", async () => {
    const [alice, bob] = [await customer(), await customer()];
    const [mine, theirs] = [await createProduct(), await createProduct()];
    await put(alice, mine!, { quantity: 3 });
    await put(bob, theirs!, { quantity: 1 });

    expect((await cartOf(alice)).items.map((item) => item.productId)).toEqual([mine]);
    expect((await cartOf(bob)).items.map((item) => item.productId)).toEqual([theirs]);

    // Bob removing or clearing touches only his own cart.
    await client.delete(`/cart/items/${mine}`, { token: bob });
    expect((await client.delete('/cart', { token: bob })).status).toBe(204);
    expect((await cartOf(alice)).items.map((item) => [item.productId, item.quantity])).toEqual([
      [mine, 3],
    ]);
  });

  it('never fails concurrent PUTs of the same line', async () => {
    const token = await customer();
    const id = await createProduct();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => put(token, id, { quantity: i + 1 })),
    );

    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const cart = await cartOf(token);
    expect(cart.items).toHaveLength(1);
    expect(cart.items[0]!.quantity).toBeGreaterThanOrEqual(1);
    expect(await storedLineCount(token)).toBe(1);
  });

  describe('the 50-line limit', () => {
    let products: string[];

    beforeAll(async () => {
      products = await createProducts(65);
    }, 120_000);

    it('refuses a 51st product with 400 but still changes lines of a full cart', async () => {
      const token = await customer();
      for (const id of products.slice(0, 50)) {
        expect((await put(token, id, { quantity: 1 })).status).toBe(200);
      }

      const refused = await put(token, products[50]!, { quantity: 1 });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED' });

      const changed = await put(token, products[0]!, { quantity: 7 });
      expect(changed.status).toBe(200);
      expect(changed.body.items).toHaveLength(50);
      expect(changed.body.items[0]).toMatchObject({ productId: products[0], quantity: 7 });
      expect(await storedLineCount(token)).toBe(50);
    });

    it('holds under 20 concurrent PUTs of different products near the limit', async () => {
      const token = await customer();
      for (const id of products.slice(0, 45)) {
        expect((await put(token, id, { quantity: 1 })).status).toBe(200);
      }

      const responses = await Promise.all(
        products.slice(45, 65).map((id) => put(token, id, { quantity: 1 })),
      );

      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(5);
      expect(statuses.filter((s) => s === 400)).toHaveLength(15);
      expect(await storedLineCount(token)).toBe(50);
      expect((await cartOf(token)).items).toHaveLength(50);
    });
  });
});
