import { randomUUID } from 'node:crypto';
import { TestingModule } from '@nestjs/testing';
import { createPlatformContext } from '../../../test/support/platform-context';
import { Stack } from '../../../test/support/stack';
import { waitUntil } from '../../../test/support/fixtures';
import { MetricsService } from '../observability/metrics.service';
import { CacheService } from './cache.service';
import { RedisService } from '../redis/redis.service';

describe(CacheService.name, () => {
  let context: TestingModule;
  let sut: CacheService;
  let redis: RedisService;

  beforeAll(async () => {
    context = await createPlatformContext();
    sut = context.get(CacheService);
    redis = context.get(RedisService);
    expect(await waitUntil(async () => redis.isReady(), 5_000)).toBe(true);
  });

  afterAll(async () => {
    await Stack.start('redis');
    await context.close();
  });

  const key = () => `probe:${randomUUID()}`;

  it('loads on a miss, then serves the cached value', async () => {
    const k = key();
    const loader = jest.fn(async () => ({ name: 'value' }));
    expect(await sut.getOrLoad(k, loader, { ttlMs: 10_000 })).toEqual({ name: 'value' });
    expect(await sut.getOrLoad(k, loader, { ttlMs: 10_000 })).toEqual({ name: 'value' });
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('caches an absent value only when asked to', async () => {
    const k = key();
    const loader = jest.fn(async () => null);
    await sut.getOrLoad(k, loader, { ttlMs: 10_000, absentTtlMs: 5_000 });
    expect(await sut.getOrLoad(k, loader, { ttlMs: 10_000, absentTtlMs: 5_000 })).toBeNull();
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('runs the loader once for 100 concurrent misses of one key in this process', async () => {
    const k = key();
    let calls = 0;
    const loader = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return calls;
    };
    const values = await Promise.all(
      Array.from({ length: 100 }, () => sut.getOrLoad(k, loader, { ttlMs: 10_000 })),
    );
    expect(calls).toBe(1);
    expect(new Set(values)).toEqual(new Set([1]));
  });

  it('runs the loader once across two instances racing for one key (Redis lock)', async () => {
    const other = await createPlatformContext();
    try {
      const second = other.get(CacheService);
      // A fresh instance whose connections are not up yet skips the lock (a miss by design):
      // wait until both its clients answer, or the race tests nothing.
      const ready = key();
      expect(
        await waitUntil(async () => {
          if (!other.get(RedisService).isReady()) return false;
          await second.set(ready, 1, 5_000);
          return (await second.get<number>(ready))?.v === 1;
        }, 5_000),
      ).toBe(true);
      const k = key();
      let calls = 0;
      const loader = async () => {
        calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
        return 'rebuilt';
      };
      const values = await Promise.all([
        ...Array.from({ length: 20 }, () => sut.getOrLoad(k, loader, { ttlMs: 10_000 })),
        ...Array.from({ length: 20 }, () => second.getOrLoad(k, loader, { ttlMs: 10_000 })),
      ]);
      expect(calls).toBe(1);
      expect(values.every((value) => value === 'rebuilt')).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('does not load again when another instance filled the key between our miss and our lock', async () => {
    const other = await createPlatformContext();
    try {
      const second = other.get(CacheService);
      expect(await waitUntil(async () => other.get(RedisService).isReady(), 5_000)).toBe(true);
      const k = key();
      // The interleaving is injected at our Redis connection, not in the service under test:
      // the other instance fills the key (its rebuild done, its lock released) right before
      // our lock command reaches Redis, after our own look found nothing.
      const client = redis.client;
      const send = client.set.bind(client) as (...args: unknown[]) => Promise<unknown>;
      const lockCommand = jest.spyOn(client, 'set' as never).mockImplementationOnce((async (
        ...args: unknown[]
      ) => {
        await second.set(k, 'filled by the other instance', 10_000);
        return send(...args);
      }) as never);
      const loader = jest.fn(async () => 'loaded again');

      try {
        expect(await sut.getOrLoad(k, loader, { ttlMs: 10_000 })).toBe(
          'filled by the other instance',
        );
        expect(lockCommand).toHaveBeenCalledWith(`lock:${k}`, expect.any(String), 'PX', 2000, 'NX');
        expect(loader).not.toHaveBeenCalled();
      } finally {
        lockCommand.mockRestore();
      }
    } finally {
      await other.close();
    }
  });

  it('treats Redis being down as a miss within ~100 ms and never hangs', async () => {
    const metrics = context.get(MetricsService);
    await Stack.stop('redis');
    try {
      const started = Date.now();
      const loader = jest.fn(async () => 'from-database');
      expect(await sut.getOrLoad(key(), loader, { ttlMs: 10_000 })).toBe('from-database');
      expect(Date.now() - started).toBeLessThan(500);
      expect(loader).toHaveBeenCalledTimes(1);
      const getStarted = Date.now();
      expect(await sut.get(key())).toBeUndefined();
      expect(Date.now() - getStarted).toBeLessThan(250);
      expect(await sut.delete(key())).toBe(false);
      const errors = (await metrics.cacheRequests.get()).values.find(
        (v) => v.labels.result === 'error',
      );
      expect(errors?.value).toBeGreaterThan(0);
    } finally {
      await Stack.start('redis');
    }
    // Back: values are cached again.
    expect(await waitUntil(async () => redis.isReady(), 10_000)).toBe(true);
    const k = key();
    const loader = jest.fn(async () => 'again');
    expect(
      await waitUntil(
        async () => {
          await sut.getOrLoad(k, loader, { ttlMs: 10_000 });
          return (await sut.get(k)) !== undefined;
        },
        10_000,
        200,
      ),
    ).toBe(true);
  });

  describe('in-process copies (local)', () => {
    it('keeps a copy per instance and drops it on every instance when a write goes through any of them', async () => {
      const other = await createPlatformContext();
      try {
        const second = other.get(CacheService);
        const k = key();
        let stored = 'v1';
        const loader = async () => stored;
        const options = { ttlMs: 60_000, local: true };
        // Subscribed on both sides, and each holding its copy.
        expect(
          await waitUntil(async () => {
            await sut.getOrLoad(k, loader, options);
            await second.getOrLoad(k, loader, options);
            return sut.localCopiesEnabled && second.localCopiesEnabled;
          }, 5_000),
        ).toBe(true);
        await second.getOrLoad(k, loader, options);
        // Redis changed behind the cache's back (no invalidation): the copies still answer.
        await sut.set(k, 'not announced', 60_000);
        expect(await second.getOrLoad(k, loader, options)).toBe('v1');
        expect(await sut.getOrLoad(k, loader, options)).toBe('v1');

        stored = 'v2';
        await sut.invalidate([k]);
        // The writer's own copy is gone when invalidate returns.
        expect(await sut.getOrLoad(k, loader, options)).toBe('v2');
        // The other instance's copy is gone as soon as its subscriber has read the message,
        // long before the copy's own age limit (1 s) would have dropped it.
        expect(
          await waitUntil(
            async () => (await second.getOrLoad(k, loader, options)) === 'v2',
            400,
            5,
          ),
        ).toBe(true);
      } finally {
        await other.close();
      }
    });

    it('moves list versions on every instance: a group write is seen by the other copy', async () => {
      const other = await createPlatformContext();
      try {
        const second = other.get(CacheService);
        const group = `probe-group-${randomUUID()}`;
        let page = 'page 1';
        const loader = async () => page;
        const options = { ttlMs: 60_000, local: true };
        expect(
          await waitUntil(async () => {
            await second.getOrLoadInGroup(group, 'p', loader, options);
            return second.localCopiesEnabled;
          }, 5_000),
        ).toBe(true);
        expect(await second.getOrLoadInGroup(group, 'p', loader, options)).toBe('page 1');
        page = 'page 2';
        await sut.invalidate([], [group]);
        expect(
          await waitUntil(
            async () => (await second.getOrLoadInGroup(group, 'p', loader, options)) === 'page 2',
            400,
            5,
          ),
        ).toBe(true);
      } finally {
        await other.close();
      }
    });
  });
});
