import { BullRootModuleOptions } from '@nestjs/bull';
import Redis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * Bull's Redis connections. The command client never queues while Redis is
 * away and gives up after one retry, so `add` or `getJobCounts` fail fast;
 * the blocking client and subscriber must retry forever (Bull requires
 * `maxRetriesPerRequest: null` for them).
 */
export function bullOptions(config: AppConfig): BullRootModuleOptions {
  const base: RedisOptions = {
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
  return {
    prefix: 'bull',
    createClient: (type) => {
      const options: RedisOptions =
        type === 'client'
          ? { ...base, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000 }
          : { ...base, enableReadyCheck: false, maxRetriesPerRequest: null };
      const client = new Redis(config.redisUrl, options);
      client.on('error', () => undefined);
      return client;
    },
    defaultJobOptions: {
      attempts: config.jobs.attempts,
      backoff: { type: 'exponential', delay: config.jobs.backoffMs },
      removeOnComplete: { age: 24 * 3600, count: 10_000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    // A job whose worker died is taken by another within lockMs + lockMs / 2.
    settings: {
      lockDuration: config.jobs.lockMs,
      stalledInterval: Math.round(config.jobs.lockMs / 2),
      maxStalledCount: 2,
    },
  };
}
