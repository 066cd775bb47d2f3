import { RedisService } from '../redis/redis.service';
import { RedisThrottlerStorage, THROTTLE_SYNC_MS } from './redis-throttler.storage';

/** An in-memory stand-in for the one Lua script the storage runs. */
class FakeRedis {
  readonly counters = new Map<string, { hits: number; expiresAt: number }>();
  calls = 0;
  down = false;
  readonly client = {
    eval: async (_script: string, _keys: number, key: string, ttl: string, delta: string) => {
      this.calls += 1;
      if (this.down) throw new Error('Connection is closed.');
      const now = Date.now();
      let counter = this.counters.get(key);
      if (!counter || counter.expiresAt <= now) {
        counter = { hits: 0, expiresAt: now + Number(ttl) };
        this.counters.set(key, counter);
      }
      counter.hits += Number(delta);
      return [counter.hits, counter.expiresAt - now];
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(RedisThrottlerStorage.name, () => {
  let redis: FakeRedis;
  let sut: RedisThrottlerStorage;

  beforeEach(() => {
    redis = new FakeRedis();
    sut = new RedisThrottlerStorage(redis as unknown as RedisService);
  });

  it('blocks exactly the hit after the limit', async () => {
    const blocked: boolean[] = [];
    for (let i = 0; i < 7; i += 1) blocked.push((await sut.increment('c', 60_000, 5)).isBlocked);
    expect(blocked).toEqual([false, false, false, false, false, true, true]);
  });

  it('counts hits far below the limit locally and adds them in Redis within a sync interval', async () => {
    for (let i = 0; i < 100; i += 1) await sut.increment('c', 60_000, 100_000);
    expect(redis.calls).toBe(1);
    await sleep(THROTTLE_SYNC_MS * 2.5);
    expect(redis.counters.get('rl:c')?.hits).toBe(100);
  });

  it('shares the count between instances: hits synced by one are seen by the other', async () => {
    const other = new RedisThrottlerStorage(redis as unknown as RedisService);
    for (let i = 0; i < 4; i += 1) await other.increment('c', 60_000, 10);
    await sleep(THROTTLE_SYNC_MS * 2.5);
    const hits: number[] = [];
    for (let i = 0; i < 7; i += 1) hits.push((await sut.increment('c', 60_000, 10)).totalHits);
    expect(hits).toEqual([5, 6, 7, 8, 9, 10, 11]);
    expect((await sut.increment('c', 60_000, 10)).isBlocked).toBe(true);
  });

  it('lets requests through when Redis cannot answer', async () => {
    redis.down = true;
    const answer = await sut.increment('c', 60_000, 1);
    expect(answer.isBlocked).toBe(false);
  });
});
