import { Db } from './db';
import { waitUntil } from './fixtures';
import { HttpClient } from './http';

/**
 * Takes a placed order through the warehouse: waits for the worker's READY
 * shipment, ships it and delivers it as an admin. Returns the shipment id.
 */
export async function deliverOrder(
  client: HttpClient,
  admin: string,
  orderId: string,
): Promise<string> {
  let shipmentId: string | undefined;
  const created = await waitUntil(async () => {
    const [row] = await Db.rows<{ id: string }>(
      "SELECT id FROM shipments WHERE order_id = ? AND status = 'READY'",
      [orderId],
    );
    shipmentId = row?.id;
    return shipmentId !== undefined;
  }, 30_000);
  if (!created) throw new Error(`no READY shipment for order ${orderId}`);
  const shipped = await client.post(
    `/admin/shipments/${shipmentId}/ship`,
    { carrier: 'CJ Logistics', trackingNumber: `TRK-${orderId.slice(0, 8)}` },
    { token: admin },
  );
  if (shipped.status !== 200) throw new Error(`ship: ${shipped.status} ${shipped.text}`);
  const delivered = await client.post(
    `/admin/shipments/${shipmentId}/deliver`,
    {},
    { token: admin },
  );
  if (delivered.status !== 200) throw new Error(`deliver: ${delivered.status} ${delivered.text}`);
  return shipmentId!;
}
