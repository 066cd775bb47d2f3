import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisService } from '../redis/redis.service';

/** INCRBY with expiry on first hit, atomically; returns hits and remaining ms. */
const INCREMENT = `
local hits = redis.call('INCRBY', KEYS[1], ARGV[2])
if hits == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/** How often hits counted locally are added to the shared counters. */
export const THROTTLE_SYNC_MS = 100;

type IncrementResult = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** What this instance knows about one client's current window. */
interface Window {
  /** Local time the Redis window ends. */
  resetAt: number;
  /** Hits of all instances that Redis reported at the last exchange. */
  known: number;
  /** Hits counted here and not yet added in Redis. */
  pending: number;
}

/**
 * Fixed-window counters in Redis, shared by every API instance. A client far
 * below its limit (known hits under half of it) is counted in memory and the
 * counts are added in Redis every THROTTLE_SYNC_MS, at most limit/20 hits per
 * client per instance between two syncs; the first hit of a window and every
 * hit in the upper half go to Redis at once. So one Redis round trip is spent
 * per client per 100 ms instead of per request, and the limit stays exact
 * unless more than ten instances together take over half of a client's limit
 * within one sync interval (see docs/adr/0015). When Redis cannot answer,
 * requests are let through: rate limiting protects the service, it must not
 * take it down.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly windows = new Map<string, Window>();
  private readonly ttls = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly redis: RedisService) {
    this.timer = setInterval(() => void this.sync(), THROTTLE_SYNC_MS);
    this.timer.unref();
  }

  async increment(key: string, ttl: number, limit: number): Promise<IncrementResult> {
    const now = Date.now();
    const window = this.windows.get(key);
    if (
      window &&
      now < window.resetAt &&
      (window.known + window.pending + 1) * 2 <= limit &&
      window.pending < Math.max(1, Math.floor(limit / 20))
    ) {
      window.pending += 1;
      return result(window.known + window.pending, window.resetAt - now, limit);
    }
    // Exact: this hit and any not yet sent, in one atomic step.
    const delta = 1 + (window && now < window.resetAt ? window.pending : 0);
    if (window) window.pending = 0;
    const answer = await this.add(key, ttl, delta);
    if (!answer) return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    return result(answer.known + answer.pending, answer.resetAt - Date.now(), limit);
  }

  /** Adds `delta` hits in Redis and records the window; undefined when Redis cannot answer. */
  private async add(key: string, ttl: number, delta: number): Promise<Window | undefined> {
    this.ttls.set(key, ttl);
    try {
      const [hits, remainingMs] = (await this.redis.client.eval(
        INCREMENT,
        1,
        `rl:${key}`,
        String(ttl),
        String(delta),
      )) as [number, number];
      let window = this.windows.get(key);
      if (!window) {
        window = { resetAt: 0, known: 0, pending: 0 };
        this.windows.set(key, window);
      }
      window.known = hits;
      window.resetAt = Date.now() + remainingMs;
      return window;
    } catch (error) {
      this.logger.debug(`rate limit storage unavailable: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Sends the hits counted locally; forgets windows that are over. */
  private async sync(): Promise<void> {
    const now = Date.now();
    const sends: Array<Promise<unknown>> = [];
    for (const [key, window] of this.windows) {
      if (now >= window.resetAt) {
        // Hits not sent before their window ended would only count against the next one.
        this.windows.delete(key);
        this.ttls.delete(key);
        continue;
      }
      if (window.pending === 0) continue;
      const delta = window.pending;
      window.pending = 0;
      sends.push(this.add(key, this.ttls.get(key) ?? window.resetAt - now, delta));
    }
    await Promise.all(sends);
  }
}

function result(totalHits: number, remainingMs: number, limit: number): IncrementResult {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  return {
    totalHits,
    timeToExpire: seconds,
    isBlocked: totalHits > limit,
    timeToBlockExpire: seconds,
  };
}
