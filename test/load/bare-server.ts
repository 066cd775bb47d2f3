import Fastify from 'fastify';
import Redis from 'ioredis';
import { createPool } from 'mysql2/promise';

/**
 * The practical ceilings of the stack for a product read, with no Nest,
 * guards, logging or metrics, on Fastify (the version Nest's adapter uses):
 * - `/products/:id`: one ioredis GET of the key the API's CacheService fills
 *   (Keyv stores `cache:product:<id>` as `{"value":{"v":<ProductView>},"expires":…}`);
 * - `/db/products/:id`: the API's product statement on the replica with mysql2
 *   (the product row joined to its rating totals, same options as the API's pool:
 *   text protocol, `timezone: 'Z'`, 20 connections), mapped to the same JSON as
 *   the API's read model, rating included;
 * - `/pages/:key`: one ioredis GET of a cached list page (`cache:<key>`, the key the
 *   API's page cache filled, found by the bench after warming the API), sent as the
 *   API's page response (`items` and a base64url `nextCursor`).
 */
interface ProductRow {
  id: string;
  name: string;
  description: string;
  price: number;
  stock: number;
  category_id: string;
  status: string;
  created_at: Date;
  updated_at: Date;
  rating_sum: number | string | null;
  rating_count: number | null;
}

/** The API's detail statement (typeorm-catalog.read-model.ts). */
const DETAIL_SQL = `SELECT p.id, p.name, p.description, p.price, p.stock, p.category_id, p.status, p.created_at, p.updated_at,
                           r.rating_sum, r.rating_count
                      FROM products p LEFT JOIN product_ratings r ON r.product_id = p.id
                     WHERE p.id = ?`;

async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6395/0', {
    enableAutoPipelining: true,
  });
  const replicaUrl = (process.env.DATABASE_REPLICA_URLS ?? process.env.DATABASE_URL ?? '')
    .split(',')[0]
    ?.trim();
  const pool = replicaUrl
    ? createPool({ uri: replicaUrl, connectionLimit: 20, timezone: 'Z' })
    : undefined;
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const raw = await redis.get(`cache:product:${request.params.id}`);
    if (raw === null) return reply.code(404).send({ status: 404 });
    return (JSON.parse(raw) as { value: { v: unknown } }).value.v;
  });
  app.get<{ Params: { id: string } }>('/db/products/:id', async (request, reply) => {
    if (!pool) return reply.code(500).send({ status: 500 });
    const [rows] = await pool.query(DETAIL_SQL, [request.params.id]);
    const row = (rows as ProductRow[])[0];
    if (!row) return reply.code(404).send({ status: 404 });
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      price: Number(row.price),
      stock: Number(row.stock),
      categoryId: row.category_id,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      rating: rating(Number(row.rating_sum ?? 0), Number(row.rating_count ?? 0)),
    };
  });
  app.get<{ Params: { key: string } }>('/pages/:key', async (request, reply) => {
    const raw = await redis.get(`cache:${request.params.key}`);
    if (raw === null) return reply.code(404).send({ status: 404 });
    const page = (JSON.parse(raw) as { value: { v: { items: unknown[]; last: unknown } } }).value.v;
    return {
      items: page.items,
      nextCursor:
        page.last === null ? null : Buffer.from(JSON.stringify(page.last)).toString('base64url'),
    };
  });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' });
  const stop = (): void => {
    void app
      .close()
      .then(() => Promise.all([redis.quit(), pool?.end()]))
      .then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

/** The API's rating view (domain/product-rating.ts). */
function rating(sum: number, count: number): { average: number | null; count: number } {
  if (count <= 0) return { average: null, count: 0 };
  return { average: Math.round((sum * 100) / count) / 100, count };
}

main().catch((error: unknown) => {
  process.stderr.write(`bare server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
