import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../../../../platform/redis/redis.service';
import { AppConfig } from '../../../../platform/config/app-config';
import { LoginThrottle } from '../../application/ports/login-throttle.port';

const WINDOW_MS = 15 * 60 * 1000;

/** Counts up, starting the 15-minute window on the first failure. */
const RECORD = `
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 1`;

/**
 * Failed-login counters in Redis, shared by every API instance. Emails are
 * hashed in keys (no addresses in Redis). When Redis is down the check lets
 * logins through: passwords are still verified, only the brute-force brake
 * is off for that moment.
 */
@Injectable()
export class RedisLoginThrottle extends LoginThrottle {
  private readonly logger = new Logger(RedisLoginThrottle.name);

  constructor(
    private readonly redis: RedisService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async retryAfter(email: string, clientAddress: string): Promise<number> {
    try {
      const keys = [emailKey(email), addressKey(clientAddress)];
      const [counts, ttls] = await Promise.all([
        this.redis.client.mget(...keys),
        Promise.all(keys.map((key) => this.redis.client.pttl(key))),
      ]);
      let wait = 0;
      counts.forEach((count, index) => {
        if (count !== null && Number(count) >= this.config.loginMaxFailures)
          wait = Math.max(wait, Math.ceil((ttls[index] ?? 0) / 1000));
      });
      return wait;
    } catch (error) {
      this.logger.warn(`login throttle unavailable: ${(error as Error).message}`);
      return 0;
    }
  }

  async recordFailure(email: string, clientAddress: string): Promise<void> {
    await this.redis.client
      .eval(RECORD, 2, emailKey(email), addressKey(clientAddress), String(WINDOW_MS))
      .catch((error: Error) => this.logger.warn(`login failure not counted: ${error.message}`));
  }

  async reset(email: string): Promise<void> {
    await this.redis.client.del(emailKey(email)).catch(() => undefined);
  }
}

function emailKey(email: string): string {
  return `login:fail:email:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`;
}

function addressKey(address: string): string {
  return `login:fail:ip:${address}`;
}
