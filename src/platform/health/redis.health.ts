import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { RedisService } from '../redis/redis.service';
import { withTimeout } from '../resilience/with-timeout';

/** Redis answers PING within 500 ms. */
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
      return session.up({ latencyMs: Date.now() - started });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
