import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { RedisService } from '../redis/redis.service';
import { AppConfig } from '../config/app-config';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';

/** Global per-client rate limit on Redis; RATE_LIMIT_RPM=0 turns it off. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisService],
      useFactory: (config: AppConfig, redis: RedisService) => ({
        throttlers: [
          { name: 'default', ttl: 60_000, limit: Math.max(1, config.rateLimitPerMinute) },
        ],
        storage: new RedisThrottlerStorage(redis),
        skipIf: () => config.rateLimitPerMinute === 0,
      }),
    }),
  ],
  // The same guard instance also runs on fast routes (platform/http/fast-routes.ts).
  // Fast routes (platform/http/fast-routes.ts) run a second instance over the same storage.
  providers: [{ provide: APP_GUARD, useClass: ClientThrottlerGuard }, ClientThrottlerGuard],
  exports: [ClientThrottlerGuard],
})
export class ThrottlingModule {}
