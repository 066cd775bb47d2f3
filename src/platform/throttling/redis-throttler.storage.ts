import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { RedisService } from '../cache/redis.service';

/** INCR with expiry on first hit, atomically; returns hits and remaining ms. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/**
 * Fixed-window counters in Redis, shared by every API instance. When Redis
 * cannot answer, requests are let through: rate limiting protects the service,
 * it must not take it down.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  constructor(private readonly redis: RedisService) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
  ): Promise<Awaited<ReturnType<ThrottlerStorage['increment']>>> {
    try {
      const [hits, remainingMs] = (await this.redis.client.eval(
        INCREMENT,
        1,
        `rl:${key}`,
        String(ttl),
      )) as [number, number];
      const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
      return {
        totalHits: hits,
        timeToExpire: seconds,
        isBlocked: hits > limit,
        timeToBlockExpire: seconds,
      };
    } catch (error) {
      this.logger.debug(`rate limit storage unavailable: ${(error as Error).message}`);
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
