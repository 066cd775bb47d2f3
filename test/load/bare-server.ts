import Fastify from 'fastify';
import Redis from 'ioredis';

/**
 * The practical ceiling of the stack for a cached product read: Fastify (the
 * version Nest's adapter uses) and one ioredis GET of the same key the API's
 * CacheService fills, with no Nest, guards, logging or metrics.
 * Keyv stores `cache:product:<id>` as `{"value":{"v":<ProductView>},"expires":…}`.
 */
async function main(): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6395/0', {
    enableAutoPipelining: true,
  });
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const raw = await redis.get(`cache:product:${request.params.id}`);
    if (raw === null) return reply.code(404).send({ status: 404 });
    return (JSON.parse(raw) as { value: { v: unknown } }).value.v;
  });
  app.get('/health', async () => ({ status: 'ok' }));
  await app.listen({ port: Number(process.env.PORT ?? 4100), host: '127.0.0.1' });
  const stop = (): void => {
    void app.close().then(() => redis.quit().then(() => process.exit(0)));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`bare server failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
