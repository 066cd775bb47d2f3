import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** Per-command limit: Redis answers in well under a millisecond when healthy. */
export const REDIS_COMMAND_TIMEOUT_MS = 100;

/**
 * The shared ioredis connection for platform state kept in Redis (rate limits,
 * token denylist, locks, read-your-writes marks, rankings). It never queues
 * commands while disconnected and times every command out, so a Redis outage
 * turns into fast errors that callers can treat as "unknown", never a hang.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  readonly client: Redis;
  private lastErrorLog = 0;

  constructor(config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
      connectTimeout: 1000,
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      connectionName: `hexashop-${config.role}`,
    });
    this.client.on('error', (error: Error) => {
      // One line per 5 s at most while Redis is down.
      if (Date.now() - this.lastErrorLog > 5000) {
        this.lastErrorLog = Date.now();
        this.logger.warn(`redis: ${error.message}`);
      }
    });
  }

  /** True when the connection is established and commands can be sent. */
  isReady(): boolean {
    return this.client.status === 'ready';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
