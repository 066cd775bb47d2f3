import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../redis/redis.service';
import { RequestContext } from '../request-context/request-context';
import { ReplicaLagMonitor } from './replica-lag-monitor';
import { safeErrorMessage } from '../observability/safe-error';

/** How long a write mark is kept: replicas further behind are not used at all. */
const MARK_TTL_MS = 60_000;
/** Allowance for clock differences between API instances. */
const CLOCK_MARGIN_MS = 250;

/** Redis key of the last write time of a user. */
export function lastWriteKey(userId: string): string {
  return `ryw:${userId}`;
}

/**
 * Read-your-writes: after a user's transaction commits, that user's reads go
 * to the primary until every replica has applied a heartbeat written after
 * the commit. Marks live in Redis, so any instance serving the user's next
 * request knows; when Redis cannot tell, reads go to the primary (safe).
 */
@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger(ReadYourWrites.name);

  constructor(
    private readonly redis: RedisService,
    private readonly lag: ReplicaLagMonitor,
  ) {}

  /** Records that `userId` just committed a write (call after commit). */
  markWrite(userId: string): void {
    const now = Date.now();
    const request = RequestContext.current();
    if (request && request.userId === userId) request.lastWriteAt = now;
    if (!this.lag.hasReplicas()) return;
    this.redis.client
      .set(lastWriteKey(userId), String(now), 'PX', MARK_TTL_MS)
      .catch((error: Error) =>
        this.logger.warn(`read-your-writes mark failed: ${safeErrorMessage(error)}`),
      );
  }

  /**
   * Whether a read for the current request must go to the primary. Uses the
   * last-write time the auth guard loaded with the token check, or looks it up.
   */
  async requiresPrimary(): Promise<boolean> {
    const request = RequestContext.current();
    if (!request?.userId) return false;
    if (request.lastWriteAt === undefined) {
      try {
        const value = await this.redis.client.get(lastWriteKey(request.userId));
        request.lastWriteAt = value === null ? null : Number(value);
      } catch {
        request.lastWriteAt = 'unknown';
      }
    }
    return this.isAhead(request.lastWriteAt);
  }

  /** True when a write made at `lastWriteAt` may not be on every replica yet. */
  isAhead(lastWriteAt: number | null | 'unknown'): boolean {
    if (lastWriteAt === null) return false;
    if (lastWriteAt === 'unknown') return true;
    const watermark = this.lag.watermark();
    return watermark === undefined || watermark < lastWriteAt + CLOCK_MARGIN_MS;
  }
}
