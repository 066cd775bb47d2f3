import { Injectable, Logger } from '@nestjs/common';
import { RedisService } from '../../../../platform/redis/redis.service';
import { SalesCount } from '../../application/ports/order.read-model.port';
import { SalesRanking } from '../../application/ports/sales-ranking.port';

/** Daily counts live this long: the longest window is 30 days. */
const RETENTION_SECONDS = 35 * 86_400;
/** A window's union is reused by readers for this long (best sellers may lag new sales by as much). */
const WINDOW_TTL_MS = 5_000;

/**
 * The window's top entries, computing the union of its days only when no
 * reader did so recently. One script over keys of several days and the window
 * key, which hash to different slots: it needs a single Redis (primary with
 * replicas, as deployed). On Redis Cluster it fails with CROSSSLOT, and reads
 * would have to fetch each day and merge them here.
 */
const TOP = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 1, unpack(KEYS, 2))
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return redis.call('ZREVRANGEBYSCORE', KEYS[1], '+inf', '(0', 'WITHSCORES', 'LIMIT', 0, ARGV[2])`;

/**
 * Applies one change at most once: the change id joins the day's set of
 * applied ids in the same atomic script that moves the counts. Both keys of a
 * day share the `{day}` hash tag, so this write script would also run on
 * Redis Cluster (the read script `TOP` would not, see above).
 */
const RECORD = `
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
for i = 3, #ARGV, 2 do redis.call('ZINCRBY', KEYS[2], ARGV[i + 1], ARGV[i]) end
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1`;

/** Best sellers in Redis sorted sets, one per UTC day (`sales:{YYYY-MM-DD}`). */
@Injectable()
export class RedisSalesRanking extends SalesRanking {
  private readonly logger = new Logger(RedisSalesRanking.name);

  constructor(private readonly redis: RedisService) {
    super();
  }

  async top(fromDay: string, toDay: string, limit: number): Promise<SalesCount[] | null> {
    if (!this.redis.isReady()) return null;
    const days = daysBetween(fromDay, toDay);
    const window = `sales:window:${fromDay}:${toDay}`;
    try {
      const flat = (await this.redis.client.eval(
        TOP,
        days.length + 1,
        window,
        ...days.map(dayKey),
        WINDOW_TTL_MS,
        limit,
      )) as string[];
      if (flat.length === 0) return null;
      const counts: SalesCount[] = [];
      for (let i = 0; i < flat.length; i += 2)
        counts.push({ productId: flat[i]!, soldQuantity: Number(flat[i + 1]) });
      return counts;
    } catch (error) {
      this.logger.warn(`sales ranking unavailable: ${(error as Error).message}`);
      return null;
    }
  }

  async record(changeId: string, day: string, changes: readonly SalesCount[]): Promise<void> {
    if (changes.length === 0) return;
    // Throws when Redis is away: the job is retried later, and the script makes the retry safe.
    await this.redis.client.eval(
      RECORD,
      2,
      `sales-applied:{${day}}`,
      dayKey(day),
      changeId,
      RETENTION_SECONDS,
      ...changes.flatMap((change) => [change.productId, change.soldQuantity]),
    );
  }
}

function dayKey(day: string): string {
  return `sales:{${day}}`;
}

function daysBetween(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (
    let t = Date.parse(`${fromDay}T00:00:00Z`);
    t <= Date.parse(`${toDay}T00:00:00Z`);
    t += 86_400_000
  ) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
