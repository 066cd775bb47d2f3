import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisService } from '../cache/redis.service';
import { withTimeout } from '../resilience/with-timeout';

/**
 * Redis answers PING within 500 ms. Never fails readiness (ADR 0020): without
 * Redis, caches miss to the database, rate limits fail open and events wait
 * in the outbox, so the instance stays in the balancer and says `degraded`.
 */
@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly redis: RedisService,
  ) {}

  async check(key: 'redis'): Promise<HealthIndicatorResult<'redis'>> {
    const session = this.health.check(key);
    const started = Date.now();
    try {
      await withTimeout(this.redis.client.ping(), 500, 'redis ping');
      return session.up({ state: 'ok', latencyMs: Date.now() - started });
    } catch (error) {
      return session.up({
        state: 'degraded',
        message: (error as Error).message,
        effects: 'cache misses go to the database, rate limits are open, events wait in the outbox',
      });
    }
  }
}
