import { randomInt, randomUUID } from 'node:crypto';
import { baseEnv, freePort } from '../../../../../test/support/app-process';
import { waitUntil } from '../../../../../test/support/fixtures';
import { AppConfig } from '../../../../platform/config/app-config';
import { RedisService } from '../../../../platform/redis/redis.service';
import { RedisSalesRanking } from './redis-sales.ranking';

const DAY_MS = 86_400_000;
const RETENTION_SECONDS = 35 * 86_400;

/** `count` consecutive days starting at a random day far in the future, so tests share no key. */
function uniqueDays(count: number): string[] {
  const start = Date.UTC(2200 + randomInt(800), 0, 1) + randomInt(300) * DAY_MS;
  return Array.from({ length: count }, (_, i) =>
    new Date(start + i * DAY_MS).toISOString().slice(0, 10),
  );
}

function productId(): string {
  return `p-${randomUUID()}`;
}

function redisService(env: Record<string, string> = {}): RedisService {
  return new RedisService(new AppConfig('worker', baseEnv({ LOG_LEVEL: 'silent', ...env })));
}

describe(RedisSalesRanking.name, () => {
  let redis: RedisService;
  let sut: RedisSalesRanking;

  beforeAll(async () => {
    redis = redisService();
    sut = new RedisSalesRanking(redis);
    expect(await waitUntil(async () => redis.isReady(), 5_000)).toBe(true);
  });

  afterAll(async () => {
    await redis.onApplicationShutdown();
  });

  it('applies a change once even when it is recorded twice', async () => {
    const [day] = uniqueDays(1);
    const p = productId();

    await sut.record('event-a', day!, [{ productId: p, soldQuantity: 3 }]);
    await sut.record('event-a', day!, [{ productId: p, soldQuantity: 3 }]);
    await sut.record('event-b', day!, [{ productId: p, soldQuantity: 2 }]);

    expect(await sut.top(day!, day!, 10)).toEqual([{ productId: p, soldQuantity: 5 }]);
  });

  it('applies a change once when 20 deliveries race', async () => {
    const [day] = uniqueDays(1);
    const p = productId();
    const q = productId();

    await Promise.all(
      Array.from({ length: 20 }, () =>
        sut.record('event-race', day!, [
          { productId: p, soldQuantity: 4 },
          { productId: q, soldQuantity: 1 },
        ]),
      ),
    );

    expect(await sut.top(day!, day!, 10)).toEqual([
      { productId: p, soldQuantity: 4 },
      { productId: q, soldQuantity: 1 },
    ]);
  });

  it('lowers counts on cancellations and leaves out products at or below zero', async () => {
    const [day] = uniqueDays(1);
    const [kept, zero, negative] = [productId(), productId(), productId()];
    await sut.record('placed-1', day!, [
      { productId: kept, soldQuantity: 5 },
      { productId: zero, soldQuantity: 2 },
    ]);

    await sut.record('cancelled-1', day!, [
      { productId: kept, soldQuantity: -1 },
      { productId: zero, soldQuantity: -2 },
      { productId: negative, soldQuantity: -3 },
    ]);
    // A redelivered cancellation does not lower the counts again.
    await sut.record('cancelled-1', day!, [{ productId: kept, soldQuantity: -1 }]);

    expect(await sut.top(day!, day!, 10)).toEqual([{ productId: kept, soldQuantity: 4 }]);
  });

  it('sums the days of a window, best first, ignoring days outside it, up to the limit', async () => {
    const [before, first, middle, last, after] = uniqueDays(5);
    const [a, b, c, d] = [productId(), productId(), productId(), productId()];
    await sut.record('e-before', before!, [{ productId: d, soldQuantity: 100 }]);
    await sut.record('e-first', first!, [
      { productId: a, soldQuantity: 2 },
      { productId: b, soldQuantity: 5 },
    ]);
    await sut.record('e-middle', middle!, [{ productId: a, soldQuantity: 4 }]);
    await sut.record('e-last', last!, [
      { productId: a, soldQuantity: 1 },
      { productId: c, soldQuantity: 3 },
    ]);
    await sut.record('e-after', after!, [{ productId: c, soldQuantity: 100 }]);

    expect(await sut.top(first!, last!, 10)).toEqual([
      { productId: a, soldQuantity: 7 },
      { productId: b, soldQuantity: 5 },
      { productId: c, soldQuantity: 3 },
    ]);
    expect(await sut.top(first!, last!, 2)).toEqual([
      { productId: a, soldQuantity: 7 },
      { productId: b, soldQuantity: 5 },
    ]);
  });

  it('answers null for a window without sales', async () => {
    const [first, , last] = uniqueDays(3);

    expect(await sut.top(first!, last!, 5)).toBeNull();
  });

  it('answers null for a window whose sales were all cancelled', async () => {
    const [day] = uniqueDays(1);
    const p = productId();
    await sut.record('placed', day!, [{ productId: p, soldQuantity: 1 }]);
    await sut.record('cancelled', day!, [{ productId: p, soldQuantity: -1 }]);

    expect(await sut.top(day!, day!, 5)).toBeNull();
  });

  it('lets daily counts and applied ids expire after the retention, and windows within seconds', async () => {
    const [day] = uniqueDays(1);
    await sut.record('e-ttl', day!, [{ productId: productId(), soldQuantity: 1 }]);
    await sut.top(day!, day!, 5);

    for (const key of [`sales:{${day}}`, `sales-applied:{${day}}`]) {
      const ttl = await redis.client.ttl(key);
      expect(ttl).toBeGreaterThan(RETENTION_SECONDS - 60);
      expect(ttl).toBeLessThanOrEqual(RETENTION_SECONDS);
    }
    const windowTtl = await redis.client.pttl(`sales:window:${day}:${day}`);
    expect(windowTtl).toBeGreaterThan(0);
    expect(windowTtl).toBeLessThanOrEqual(5_000);
  });

  it('records nothing for an empty change list', async () => {
    const [day] = uniqueDays(1);

    await sut.record('e-empty', day!, []);

    expect(await redis.client.exists(`sales-applied:{${day}}`)).toBe(0);
  });

  it('answers null at once when Redis cannot be reached, and refuses to record', async () => {
    const away = redisService({ REDIS_URL: `redis://127.0.0.1:${await freePort()}/0` });
    try {
      const unreachable = new RedisSalesRanking(away);
      const started = Date.now();

      expect(await unreachable.top('2025-03-08', '2025-03-10', 5)).toBeNull();
      expect(Date.now() - started).toBeLessThan(250);
      await expect(
        unreachable.record('e-away', '2025-03-10', [{ productId: 'p-1', soldQuantity: 1 }]),
      ).rejects.toThrow();
    } finally {
      away.client.disconnect();
    }
  });
});
