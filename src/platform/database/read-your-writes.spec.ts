import { Logger } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import { RequestContext, RequestState } from '../request-context/request-context';
import { lastWriteKey, ReadYourWrites } from './read-your-writes';
import { ReplicaLagMonitor } from './replica-lag-monitor';

/** Just the Redis commands ReadYourWrites uses, over a map. */
class StubRedisClient {
  readonly values = new Map<string, string>();
  readonly gets: string[] = [];
  readonly sets: unknown[][] = [];
  failure: Error | undefined;

  async get(key: string): Promise<string | null> {
    this.gets.push(key);
    if (this.failure) throw this.failure;
    return this.values.get(key) ?? null;
  }

  async set(key: string, value: string, ...options: unknown[]): Promise<'OK'> {
    this.sets.push([key, value, ...options]);
    if (this.failure) throw this.failure;
    this.values.set(key, value);
    return 'OK';
  }
}

/** Just the lag monitor members ReadYourWrites uses. */
class StubLagMonitor {
  replicas = true;
  mark: number | undefined;

  hasReplicas(): boolean {
    return this.replicas;
  }

  watermark(): number | undefined {
    return this.mark;
  }
}

const WRITE_AT = 1_740_000_000_000;

describe(ReadYourWrites.name, () => {
  let client: StubRedisClient;
  let lag: StubLagMonitor;
  let sut: ReadYourWrites;

  beforeAll(() => {
    Logger.overrideLogger(false);
  });

  beforeEach(() => {
    client = new StubRedisClient();
    lag = new StubLagMonitor();
    sut = new ReadYourWrites(
      { client } as unknown as RedisService,
      lag as unknown as ReplicaLagMonitor,
    );
  });

  const inRequest = <T>(state: Partial<RequestState>, fn: () => T): T =>
    RequestContext.run({ requestId: 'req-1', ...state }, fn);

  describe('isAhead', () => {
    it('is false when the user wrote nothing recently', () => {
      lag.mark = undefined;

      expect(sut.isAhead(null)).toBe(false);
    });

    it('is true when it is unknown whether the user wrote', () => {
      lag.mark = WRITE_AT + 60_000;

      expect(sut.isAhead('unknown')).toBe(true);
    });

    it('is true while the replica watermark is unknown', () => {
      lag.mark = undefined;

      expect(sut.isAhead(WRITE_AT)).toBe(true);
    });

    it('is true while the replicas trail the write', () => {
      lag.mark = WRITE_AT - 2_000;

      expect(sut.isAhead(WRITE_AT)).toBe(true);
    });

    it('allows for clock differences: a watermark just after the write is not enough', () => {
      lag.mark = WRITE_AT + 1;

      expect(sut.isAhead(WRITE_AT)).toBe(true);
    });

    it('is false once the replicas are well past the write', () => {
      lag.mark = WRITE_AT + 5_000;

      expect(sut.isAhead(WRITE_AT)).toBe(false);
    });
  });

  describe('requiresPrimary', () => {
    it('is false outside a request, without asking Redis', async () => {
      await expect(sut.requiresPrimary()).resolves.toBe(false);
      expect(client.gets).toEqual([]);
    });

    it('is false for an anonymous request, without asking Redis', async () => {
      await expect(inRequest({}, () => sut.requiresPrimary())).resolves.toBe(false);
      expect(client.gets).toEqual([]);
    });

    it('is false when Redis holds no write mark for the user, and remembers that for the request', async () => {
      const state: RequestState = { requestId: 'req-1', userId: 'user-1' };

      await expect(RequestContext.run(state, () => sut.requiresPrimary())).resolves.toBe(false);
      expect(client.gets).toEqual([lastWriteKey('user-1')]);
      expect(state.lastWriteAt).toBeNull();
    });

    it("is true when the user's last write is not on the replicas yet", async () => {
      client.values.set(lastWriteKey('user-1'), String(WRITE_AT));
      lag.mark = WRITE_AT - 1_000;

      await expect(inRequest({ userId: 'user-1' }, () => sut.requiresPrimary())).resolves.toBe(
        true,
      );
    });

    it("is false when the user's last write has reached the replicas", async () => {
      client.values.set(lastWriteKey('user-1'), String(WRITE_AT));
      lag.mark = WRITE_AT + 5_000;

      await expect(inRequest({ userId: 'user-1' }, () => sut.requiresPrimary())).resolves.toBe(
        false,
      );
    });

    it('goes to the primary when Redis fails (unknown)', async () => {
      client.failure = new Error('Connection is closed.');
      lag.mark = WRITE_AT + 60_000;
      const state: RequestState = { requestId: 'req-1', userId: 'user-1' };

      await expect(RequestContext.run(state, () => sut.requiresPrimary())).resolves.toBe(true);
      expect(state.lastWriteAt).toBe('unknown');
    });

    it('uses a last write already known to the request instead of asking Redis', async () => {
      lag.mark = WRITE_AT - 1_000;

      await expect(
        inRequest({ userId: 'user-1', lastWriteAt: WRITE_AT }, () => sut.requiresPrimary()),
      ).resolves.toBe(true);
      expect(client.gets).toEqual([]);
    });
  });

  describe('markWrite', () => {
    it("records the write in Redis for the user's next requests, with an expiry", () => {
      const before = Date.now();

      sut.markWrite('user-1');

      expect(client.sets).toHaveLength(1);
      const [key, value, mode, ttl] = client.sets[0]!;
      expect(key).toBe(lastWriteKey('user-1'));
      expect(Number(value)).toBeGreaterThanOrEqual(before);
      expect(Number(value)).toBeLessThanOrEqual(Date.now());
      expect(mode).toBe('PX');
      expect(ttl).toEqual(expect.any(Number));
    });

    it('makes the rest of the same request read its own write', async () => {
      lag.mark = Date.now() - 1_000;
      const state: RequestState = { requestId: 'req-1', userId: 'user-1' };

      const requiresPrimary = await RequestContext.run(state, async () => {
        sut.markWrite('user-1');
        return sut.requiresPrimary();
      });

      expect(requiresPrimary).toBe(true);
      expect(typeof state.lastWriteAt).toBe('number');
    });

    it('does not touch the request state for a write on behalf of another user', () => {
      const state: RequestState = { requestId: 'req-1', userId: 'admin-1' };

      RequestContext.run(state, () => sut.markWrite('user-1'));

      expect(state.lastWriteAt).toBeUndefined();
    });

    it('writes nothing to Redis when there are no replicas', () => {
      lag.replicas = false;

      sut.markWrite('user-1');

      expect(client.sets).toEqual([]);
    });

    it('does not throw when Redis fails', async () => {
      client.failure = new Error('Connection is closed.');

      expect(() => sut.markWrite('user-1')).not.toThrow();
      await new Promise((resolve) => setImmediate(resolve));
      expect(client.sets).toHaveLength(1);
    });
  });
});
