import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';
import {
  BenchContext,
  BenchError,
  counterValue,
  cycle,
  LoadResult,
  LoadTarget,
  Scenario,
  shuffled,
} from './harness';

/** Product ids every cached scenario spreads its requests over (warmed first). */
const WARM_IDS = 100;

interface CatalogData {
  /** ACTIVE products (HIDDEN ones answer 404 to anonymous callers). */
  readonly activeIds: readonly string[];
  readonly categoryIds: readonly string[];
}

let data: Promise<CatalogData> | undefined;

/** The seeded catalog, read once from the primary. */
function catalog(context: BenchContext): Promise<CatalogData> {
  data ??= (async () => {
    const connection = await createConnection(context.env.DATABASE_URL!);
    try {
      const [products] = await connection.query(
        "SELECT id FROM products WHERE status = 'ACTIVE' ORDER BY id",
      );
      const [categories] = await connection.query('SELECT id FROM categories ORDER BY name');
      const activeIds = (products as Array<{ id: string }>).map((row) => row.id);
      if (activeIds.length < 10_000)
        throw new BenchError(`only ${activeIds.length} active products: seed 100,000 first`);
      return {
        activeIds: shuffled(activeIds),
        categoryIds: (categories as Array<{ id: string }>).map((row) => row.id),
      };
    } finally {
      await connection.end();
    }
  })();
  return data;
}

/**
 * The first WARM_IDS of the shuffled active ids, each requested once through
 * the API after its key was deleted, so it is cached afresh with the full TTL
 * (5 minutes) and cannot expire during the run.
 */
export async function warmIds(context: BenchContext): Promise<readonly string[]> {
  const ids = (await catalog(context)).activeIds.slice(0, WARM_IDS);
  const api = await context.api();
  await withRedis(context, (redis) => forget(redis, ids));
  for (const id of ids) await expectOk(`${api}/api/v1/products/${id}`);
  return ids;
}

/**
 * Deletes the cached details of `ids` as a write would: in Redis, then in
 * every API instance's in-process copy (the invalidation message, ADR 0044).
 */
async function forget(redis: Redis, ids: readonly string[]): Promise<void> {
  await redis.unlink(...ids.map((id) => `cache:product:${id}`));
  await redis.publish('cache:invalidated', JSON.stringify(ids.map((id) => `product:${id}`)));
}

/** The bare Fastify server (Redis and mysql2 ceilings), started once. */
function bareServer(context: BenchContext): Promise<string> {
  return context.service('bare-fastify', 'dist/load/bare-server.js', {
    REDIS_URL: context.env.REDIS_URL!,
    DATABASE_REPLICA_URLS: context.env.DATABASE_REPLICA_URLS!,
  });
}

async function expectOk(url: string): Promise<void> {
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new BenchError(`GET ${url} answered ${response.status}`);
}

async function withRedis<T>(context: BenchContext, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(context.env.REDIS_URL!);
  try {
    return await work(redis);
  } finally {
    await redis.quit();
  }
}

interface CacheCounters {
  readonly hits: number;
  readonly misses: number;
  /** Lookups that failed or took longer than the cache timeout (served from the database). */
  readonly errors: number;
  readonly replicaReads: number;
  readonly primaryReads: number;
  /** Store errors of GETs: cache-manager reports a timed-out GET as a miss and counts it here. */
  readonly getErrors: number;
}

async function cacheCounters(context: BenchContext, cache: string): Promise<CacheCounters> {
  const api = await context.api();
  return {
    hits: await counterValue(api, 'hexashop_cache_requests_total', { cache, result: 'hit' }),
    misses: await counterValue(api, 'hexashop_cache_requests_total', { cache, result: 'miss' }),
    errors: await counterValue(api, 'hexashop_cache_requests_total', { cache, result: 'error' }),
    replicaReads: await counterValue(api, 'hexashop_db_reads_total', { target: 'replica' }),
    primaryReads: await counterValue(api, 'hexashop_db_reads_total', { target: 'primary' }),
    getErrors: await counterValue(api, 'hexashop_cache_store_errors_total', { operation: 'get' }),
  };
}

/**
 * Verifies that every lookup of the run was a hit. Lookups that exceed the
 * cache timeout (100 ms) under an overloaded CPU fall back to the database;
 * up to 1% of them are tolerated and reported.
 */
function expectHits(cache: string) {
  return async (context: BenchContext, _result: LoadResult, before: unknown): Promise<string> => {
    const start = before as CacheCounters;
    const end = await cacheCounters(context, cache);
    const hits = end.hits - start.hits;
    // A GET that timed out on an overloaded machine reaches us as a miss plus a store error.
    const timedOut = end.getErrors - start.getErrors;
    const misses = end.misses - start.misses - timedOut;
    const errors = end.errors - start.errors + timedOut;
    if (misses > 0)
      throw new BenchError(`${misses} cache misses in a run meant to be all hits (${hits} hits)`);
    if (errors > hits / 100)
      throw new BenchError(`${errors} cache lookups timed out or failed (${hits} hits)`);
    return `${hits} hits, 0 misses${errors ? `, ${errors} timed out` : ''}`;
  };
}

const NEWEST_PAGE = '/api/v1/products?limit=20';

/** The first price-ascending page of each category. */
async function categoryPages(context: BenchContext): Promise<string[]> {
  return (await catalog(context)).categoryIds.map(
    (id) => `/api/v1/products?limit=20&categoryId=${id}&sort=price_asc`,
  );
}

/**
 * A baseline for cached list pages: bare Fastify answering each request with
 * one Redis GET of a page the API cached. The API's cached pages are dropped
 * first (as a write's version move would not be: only the pages go, so the
 * version stays), `pages` are requested once through the API, and the page
 * keys that appear are the ones the bare server then serves in turn.
 */
function barePages(
  name: string,
  description: string,
  pages: (context: BenchContext) => Promise<readonly string[]>,
): Scenario {
  return {
    name,
    description,
    baseline: name,
    async setup(context) {
      const api = await context.api();
      const paths = await pages(context);
      const keys = await withRedis(context, async (redis) => {
        const stale = await scanKeys(redis, 'cache:products:v*');
        if (stale.length > 0) {
          await redis.unlink(...stale);
          await redis.publish(
            'cache:invalidated',
            JSON.stringify(stale.map((key) => key.slice('cache:'.length))),
          );
        }
        for (const path of paths) await expectOk(api + path);
        return scanKeys(redis, 'cache:products:v*');
      });
      if (keys.length !== paths.length)
        throw new BenchError(`expected ${paths.length} cached page(s), found ${keys.length}`);
      const origin = await bareServer(context);
      const bare = keys.map((key) => `/pages/${encodeURIComponent(key.slice('cache:'.length))}`);
      for (const path of bare) await expectOk(origin + path);
      const next = cycle(bare);
      return { origin, path: () => next.next() };
    },
  };
}

async function scanKeys(redis: Redis, pattern: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [nextCursor, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    keys.push(...batch);
    cursor = nextCursor;
  } while (cursor !== '0');
  return keys;
}

/**
 * The catalog read scenarios of issue "Catalog" item 7. Each compares with
 * `bare-fastify`, the stack's practical ceiling for a cached read.
 */
export const catalogScenarios: readonly Scenario[] = [
  {
    name: 'bare-fastify',
    description:
      'bare Fastify + ioredis GET of the same cache key (no Nest), same 100 warm ids: the ceiling',
    baseline: 'bare-fastify',
    async setup(context) {
      const ids = await warmIds(context);
      const origin = await bareServer(context);
      const next = cycle(ids);
      await expectOk(`${origin}/products/${ids[0]}`);
      return { origin, path: () => `/products/${next.next()}` };
    },
  },
  {
    name: 'detail-cached',
    description: 'GET /api/v1/products/:id over 100 warm ids, every request a Redis hit',
    baseline: 'bare-fastify',
    async setup(context) {
      const ids = await warmIds(context);
      const next = cycle(ids);
      return { origin: await context.api(), path: () => `/api/v1/products/${next.next()}` };
    },
    before: (context) => cacheCounters(context, 'product'),
    verify: expectHits('product'),
  },
  {
    name: 'bare-fastify-sql',
    description:
      "bare Fastify + mysql2: the API's product statement on the replica, mapped to the same JSON (no Nest, no cache): the ceiling of an uncached read",
    baseline: 'bare-fastify-sql',
    async setup(context) {
      const origin = await bareServer(context);
      // Other ids than detail-uncached's (both read rows the buffer pool holds).
      const next = cycle(shuffled((await catalog(context)).activeIds, 0x2545f491));
      await expectOk(`${origin}/db/products/${next.next()}`);
      return { origin, path: () => `/db/products/${next.next()}` };
    },
  },
  ((): Scenario => {
    let ids: ReturnType<typeof cycle<string>> | undefined;
    return {
      name: 'detail-uncached',
      description:
        'GET /api/v1/products/:id, each request a different id whose cache key was deleted before the run: every request is a miss read from the replica (and then cached, as the app does)',
      baseline: 'bare-fastify-sql',
      async setup(context): Promise<LoadTarget> {
        const all = (await catalog(context)).activeIds.slice(WARM_IDS);
        // Cold keys for this run only (deleted once before it, never during it).
        await withRedis(context, async (redis) => {
          for (let i = 0; i < all.length; i += 1000) {
            const batch = all.slice(i, i + 1000);
            await forget(redis, batch);
          }
        });
        ids = cycle(all);
        const next = ids;
        return { origin: await context.api(), path: () => `/api/v1/products/${next.next()}` };
      },
      before: (context) => cacheCounters(context, 'product'),
      async verify(context, _result, before) {
        const start = before as CacheCounters;
        const end = await cacheCounters(context, 'product');
        const hits = end.hits - start.hits;
        const misses = end.misses - start.misses + (end.errors - start.errors);
        const replica = end.replicaReads - start.replicaReads;
        const primary = end.primaryReads - start.primaryReads;
        if ((ids?.laps() ?? 0) > 0 || hits > 0)
          throw new BenchError(
            `ran out of distinct ids (${hits} hits): seed more products or shorten the run`,
          );
        // A miss reads the primary when the replica may lag its write mark or the
        // mark could not be read in time (the cache timeout on an overloaded CPU):
        // the safe answer, tolerated up to 1% and reported, like timed-out GETs.
        if (primary > replica / 100)
          throw new BenchError(
            `${primary} reads went to the primary, ${replica} to the replica (more than 1%)`,
          );
        return `${misses} misses, ${replica} replica reads, ${primary ? `${primary} primary reads, ` : ''}0 hits`;
      },
    };
  })(),
  barePages(
    'bare-fastify-list-newest',
    'bare Fastify + ioredis GET of the page key the API filled for GET /api/v1/products?limit=20 (no Nest): the ceiling of `list-newest`',
    () => Promise.resolve([NEWEST_PAGE]),
  ),
  {
    name: 'list-newest',
    description: 'GET /api/v1/products?limit=20 (first page, newest first), cached list page',
    baseline: 'bare-fastify-list-newest',
    async setup(context) {
      const origin = await context.api();
      await expectOk(`${origin}${NEWEST_PAGE}`);
      return { origin, path: () => NEWEST_PAGE };
    },
    before: (context) => cacheCounters(context, 'products'),
    verify: expectHits('products'),
  },
  barePages(
    'bare-fastify-list-category',
    'bare Fastify + ioredis GET of the page keys the API filled for the 10 category pages of `list-category-price` (no Nest): its ceiling',
    categoryPages,
  ),
  {
    name: 'list-category-price',
    description:
      'GET /api/v1/products?limit=20&categoryId=…&sort=price_asc over the 10 categories, cached list pages',
    baseline: 'bare-fastify-list-category',
    async setup(context) {
      const origin = await context.api();
      const paths = await categoryPages(context);
      for (const path of paths) await expectOk(origin + path);
      const next = cycle(paths);
      return { origin, path: () => next.next() };
    },
    before: (context) => cacheCounters(context, 'products'),
    verify: expectHits('products'),
  },
];
