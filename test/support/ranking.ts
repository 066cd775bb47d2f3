import Redis from 'ioredis';
import { requireEnv } from './env';

/**
 * Quantity of `productId` the worker has counted in the best-sellers ranking
 * (RedisSalesRanking's `sales:{YYYY-MM-DD}` sets) today and yesterday (UTC),
 * read straight from Redis: every order event applied once adds its quantity
 * exactly once.
 */
export async function rankedQuantity(productId: string): Promise<number> {
  const redis = new Redis(requireEnv('REDIS_URL'), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const days = [0, 1].map((back) =>
      new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10),
    );
    const scores = await Promise.all(days.map((day) => redis.zscore(`sales:{${day}}`, productId)));
    return scores.reduce((sum, score) => sum + Number(score ?? 0), 0);
  } finally {
    redis.disconnect();
  }
}
