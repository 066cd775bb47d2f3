import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { BlindIndex } from '../../../../platform/crypto/blind-index';
import { RedisService } from '../../../../platform/redis/redis.service';
import { withTimeout } from '../../../../platform/resilience/with-timeout';
import { PasswordResetThrottle } from '../../application/ports/password-reset-throttle.port';

const WINDOW_MS = 15 * 60 * 1000;
/** Reset e-mails per address per window: enough for a lost mail, not a mailbomb. */
const PER_EMAIL = 3;
/** Requests per client address per window. */
const PER_CLIENT = 20;

/** Counts both keys and returns their counts and remaining windows. */
const HIT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  out[#out + 1] = n
  out[#out + 1] = redis.call('PTTL', key)
end
return out`;

/**
 * Password-reset counters in Redis, shared by every API instance; the
 * address and the client appear only as hashes in keys. When Redis does not
 * answer within 100 ms the request goes through (the e-mail still goes only
 * to the account's own address).
 */
@Injectable()
export class RedisPasswordResetThrottle extends PasswordResetThrottle {
  private readonly logger = new Logger(RedisPasswordResetThrottle.name);

  constructor(
    private readonly redis: RedisService,
    private readonly blindIndex: BlindIndex,
  ) {
    super();
  }

  async hit(email: string, clientAddress: string): Promise<number> {
    try {
      const [emailCount, emailTtl, clientCount, clientTtl] = (await withTimeout(
        this.redis.client.eval(
          HIT,
          2,
          `reset:email:${createHash('sha256').update(email).digest('hex').slice(0, 32)}`,
          `reset:ip:${this.blindIndex.clientAddress(clientAddress).slice(0, 32)}`,
          String(WINDOW_MS),
        ) as Promise<number[]>,
        100,
        'password reset throttle',
      )) as number[];
      let wait = 0;
      if (emailCount! > PER_EMAIL) wait = Math.max(wait, Math.ceil(emailTtl! / 1000));
      if (clientCount! > PER_CLIENT) wait = Math.max(wait, Math.ceil(clientTtl! / 1000));
      return wait;
    } catch (error) {
      this.logger.warn(`password reset throttle unavailable: ${(error as Error).message}`);
      return 0;
    }
  }
}
