import { Global, Module } from '@nestjs/common';
import { RedisService } from './redis.service';

/** The one shared Redis connection (cache, read-your-writes marks, throttling, auth, rankings). */
@Global()
@Module({ providers: [RedisService], exports: [RedisService] })
export class RedisModule {}
