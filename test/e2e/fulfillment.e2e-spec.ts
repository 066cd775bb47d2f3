import { randomUUID } from 'node:crypto';
import { AppProcess, startApi, startWorker } from '../support/app-process';
import { createCustomers, Customer } from '../support/customers';
import { Db } from '../support/db';
import { logInAsAdmin, waitUntil } from '../support/fixtures';
import { apiClient, HttpClient, HttpResult } from '../support/http';
import { metricSum } from '../support/metrics';
import { placeOrder, Shop } from '../support/shop';
import { SmtpSink } from '../support/smtp';

interface ShipmentRow {
  id: string;
  status: string;
}

describe('Fulfillment (e2e)', () => {
  let api: AppProcess;
  let worker: AppProcess;
  let client: HttpClient;
  let shop: Shop;
  let admin: string;
  let product: string;

  const shipmentOf = async (orderId: string, status = 'READY'): Promise<ShipmentRow> => {
    let found: ShipmentRow | undefined;
    const appeared = await waitUntil(async () => {
      [found] = await Db.rows<ShipmentRow>(
        'SELECT id, status FROM shipments WHERE order_id = ? AND status = ?',
        [orderId, status],
      );
      return found !== undefined;
    }, 15_000);
    if (!appeared) throw new Error(`no ${status} shipment for order ${orderId}`);
    return found!;
  };
  const ordered = async (customer: Customer): Promise<string> => {
    const placed = await placeOrder(client, customer, [{ productId: product, quantity: 1 }]);
    if (placed.status !== 201) throw new Error(`order: ${placed.status} ${placed.text}`);
    return placed.body.id as string;
  };
  const ship = (shipmentId: string, trackingNumber = 'TRK-1', carrier = 'CJ Logistics') =>
    client.post(
      `/admin/shipments/${shipmentId}/ship`,
      { carrier, trackingNumber },
      { token: admin },
    );
  const deliver = (shipmentId: string) =>
    client.post(`/admin/shipments/${shipmentId}/deliver`, {}, { token: admin });

  beforeAll(async () => {
    [api, worker] = await Promise.all([
      startApi({ DB_POOL_SIZE: '20' }, { waitFor: 'ready' }),
      startWorker({}, { waitFor: 'ready' }),
    ]);
    client = apiClient(api.url);
    admin = await logInAsAdmin(client);
    shop = await Shop.open(client, 'fulfillment');
    product = await shop.createProduct(1_000, 1_000);
  });

  afterAll(async () => {
    await Promise.all([api.stop(), worker.stop()]);
    await Db.end();
  });

  it('creates a READY shipment for each order; ship and deliver move shipment and order, e-mail the customer, and repeat harmlessly', async () => {
    const [buyer] = await createCustomers(1, 'ship');
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!);
    const shipment = await shipmentOf(orderId);

    const list = await client.get('/admin/shipments?status=READY&limit=100', { token: admin });
    expect(list.status).toBe(200);
    const listed = await waitUntil(async () => {
      let cursor: string | null = null;
      do {
        const page: HttpResult = await client.get(
          `/admin/shipments?status=READY&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
          { token: admin },
        );
        if (page.body.items.some((s: { id: string }) => s.id === shipment.id)) return true;
        cursor = page.body.nextCursor;
      } while (cursor);
      return false;
    });
    expect(listed).toBe(true);
    const before = await client.get(`/orders/${orderId}`, { token: buyer!.token });
    expect(before.body).toMatchObject({ status: 'PAID', fulfillment: { status: 'READY' } });

    const shippedBefore = await metricSum(api.url, 'hexashop_shipments_moved_total');
    const shipped = await ship(shipment.id, 'TRK-42');
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      id: shipment.id,
      orderId,
      status: 'SHIPPED',
      carrier: 'CJ Logistics',
      trackingNumber: 'TRK-42',
    });
    expect((await ship(shipment.id, 'TRK-42')).status).toBe(200);
    const other = await ship(shipment.id, 'TRK-43');
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('SHIPMENT_NOT_SHIPPABLE');
    expect(await metricSum(api.url, 'hexashop_shipments_moved_total')).toBe(shippedBefore + 1);

    const read = await client.get(`/orders/${orderId}`, { token: buyer!.token });
    expect(read.body).toMatchObject({
      status: 'SHIPPED',
      fulfillment: { status: 'SHIPPED', carrier: 'CJ Logistics', trackingNumber: 'TRK-42' },
    });
    const cancel = await client.post(`/orders/${orderId}/cancel`, {}, { token: buyer!.token });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('ORDER_NOT_CANCELLABLE');

    expect((await deliver(shipment.id)).body.status).toBe('DELIVERED');
    expect((await deliver(shipment.id)).status).toBe(200);
    const delivered = await client.get(`/orders/${orderId}`, { token: buyer!.token });
    expect(delivered.body).toMatchObject({
      status: 'DELIVERED',
      fulfillment: {
        status: 'DELIVERED',
        trackingNumber: 'TRK-42',
        deliveredAt: expect.any(String),
      },
    });

    expect(await SmtpSink.waitFor(buyer!.email, /shipped/, 1, 30_000)).toHaveLength(1);
    expect(await SmtpSink.waitFor(buyer!.email, /delivered/, 1, 30_000)).toHaveLength(1);
    const [mail] = (await SmtpSink.messagesTo(buyer!.email)).filter((m) =>
      /shipped/.test(m.subject),
    );
    expect(mail!.text).toContain('TRK-42');
  });

  it('refuses to deliver what was not shipped, answers 404 for an unknown shipment and 403 to customers', async () => {
    const [buyer] = await createCustomers(1, 'ship-err');
    await shop.fund(buyer!, 10_000);
    const shipment = await shipmentOf(await ordered(buyer!));
    const early = await deliver(shipment.id);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('SHIPMENT_NOT_SHIPPABLE');
    expect((await ship(randomUUID())).status).toBe(404);
    const asCustomer = await client.post(
      `/admin/shipments/${shipment.id}/ship`,
      { carrier: 'x', trackingNumber: 'y' },
      { token: buyer!.token },
    );
    expect(asCustomer.status).toBe(403);
    expect((await client.get('/admin/shipments?status=LOST', { token: admin })).status).toBe(400);
  });

  it('cancels the shipment with its order; shipping a cancelled order is 409 SHIPMENT_NOT_SHIPPABLE', async () => {
    const [buyer] = await createCustomers(1, 'ship-cancel');
    await shop.fund(buyer!, 10_000);
    const orderId = await ordered(buyer!);
    const shipment = await shipmentOf(orderId);
    expect(
      (await client.post(`/orders/${orderId}/cancel`, {}, { token: buyer!.token })).status,
    ).toBe(200);
    // Before the worker cancels the shipment, the order already refuses.
    const refused = await ship(shipment.id);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('SHIPMENT_NOT_SHIPPABLE');
    await shipmentOf(orderId, 'CANCELLED');
    expect((await ship(shipment.id)).status).toBe(409);
    const read = await client.get(`/orders/${orderId}`, { token: buyer!.token });
    expect(read.body).toMatchObject({ status: 'CANCELLED', fulfillment: null });
  });

  it('a cancel racing a ship of the same order: exactly one wins, every time', async () => {
    const rounds = 20;
    const buyers = await createCustomers(rounds, 'race');
    await Promise.all(buyers.map((buyer) => shop.fund(buyer, 10_000)));
    const orders = await Promise.all(buyers.map((buyer) => ordered(buyer)));
    const shipments = await Promise.all(orders.map((orderId) => shipmentOf(orderId)));

    const outcomes = await Promise.all(
      orders.map(async (orderId, i) => {
        const [cancel, shipped] = await Promise.all([
          client.post(`/orders/${orderId}/cancel`, {}, { token: buyers[i]!.token }),
          ship(shipments[i]!.id, `RACE-${i}`),
        ]);
        return { orderId, buyer: buyers[i]!, cancel: cancel.status, ship: shipped.status };
      }),
    );
    for (const outcome of outcomes) {
      expect([outcome.cancel, outcome.ship].sort()).toEqual([200, 409]);
      const [row] = await Db.rows<{ status: string }>('SELECT status FROM orders WHERE id = ?', [
        outcome.orderId,
      ]);
      const wallet = await client.get('/wallet', { token: outcome.buyer.token });
      if (outcome.cancel === 200) {
        expect(row!.status).toBe('CANCELLED');
        expect(wallet.body.balance).toBe(10_000);
      } else {
        expect(row!.status).toBe('SHIPPED');
        expect(wallet.body.balance).toBe(9_000);
      }
    }
    // Both outcomes happened at least once is likely but not guaranteed: report, do not assert.
    const cancels = outcomes.filter((o) => o.cancel === 200).length;
    process.stdout.write(`cancel vs ship: ${cancels} cancels won, ${rounds - cancels} ships won\n`);
  });
});
