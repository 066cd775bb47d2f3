import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Cache, createCache } from 'cache-manager';
import type Redis from 'ioredis';
import { Keyv } from 'keyv';
import { Counter } from 'prom-client';
import { ReadDatabase } from '../database/read-database';
import { MetricsService } from '../observability/metrics.service';
import { REDIS_COMMAND_TIMEOUT_MS, RedisService } from '../redis/redis.service';
import { IoredisKeyvStore } from './ioredis-keyv.store';
import { LocalCache } from './local-cache';
import { SingleFlight } from './single-flight';

/** How long any cache call may take before it counts as a miss (RedisService's command timeout). */
export const CACHE_TIMEOUT_MS = REDIS_COMMAND_TIMEOUT_MS;
/** Keyv namespace of cache entries (`cache:<key>` in Redis). */
const NAMESPACE = 'cache';
/** Write marks outlive any replica lag that still lets a replica serve reads. */
const WRITE_MARK_TTL_MS = 60_000;
/** Pub/sub channel on which every write announces the keys it invalidated (ADR 0044). */
export const INVALIDATION_CHANNEL = 'cache:invalidated';
/**
 * In-process copies (LoadOptions.local): how many, and how long one may be
 * served. Invalidations reach every instance over pub/sub at once; the age
 * limit only bounds what a lost message could leave behind.
 */
const LOCAL_MAX_ENTRIES = 2_000;
const LOCAL_TTL_MS = 1_000;

export interface LoadOptions {
  /** Time to live of the cached value. */
  readonly ttlMs: number;
  /**
   * Keys whose write marks (see `invalidate`) guard this value: while a
   * replica may not have a marked write yet, a miss is loaded from the primary,
   * so a lagging replica cannot put a stale value back into the cache.
   */
  readonly writeMarks?: readonly string[];
  /** Time to live of a cached "absent" (null) result; 0 does not cache absence. */
  readonly absentTtlMs?: number;
  /** How long one instance may hold the rebuild lock before others give up waiting. */
  readonly lockMs?: number;
  /**
   * Also keep the value in this process (at most LOCAL_TTL_MS), for the
   * hottest public reads. Only for keys whose writes go through `invalidate`
   * or `delete`: those drop the copy on every instance before they return.
   */
  readonly local?: boolean;
}

interface Envelope<T> {
  readonly v: T | null;
}

const RELEASE_LOCK = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Read-through cache on Redis, on the shared ioredis connection (one GET per
 * hit; see docs/adr/0015). Every command times out after CACHE_TIMEOUT_MS and
 * is never queued while Redis is away, and any failure is a miss, so Redis
 * being slow or down costs at most that much latency. Concurrent misses of one
 * key are collapsed: in-process by single-flight, across instances by a short
 * Redis lock whose losers wait for the winner's value instead of hitting the
 * database. Values go through cache-manager and Keyv (`cache:<key>` holding
 * `{"value":…,"expires":…}`) on a store that shares the ioredis client.
 */
@Injectable()
export class CacheService implements OnApplicationShutdown {
  private readonly logger = new Logger(CacheService.name);
  private readonly flights = new SingleFlight();
  private readonly storeErrors: Counter<string>;
  private readonly localHits: Counter<string>;
  private readonly cache: Cache;
  private readonly local = new LocalCache<Envelope<unknown> | number>(
    LOCAL_MAX_ENTRIES,
    LOCAL_TTL_MS,
  );
  /** Connection subscribed to INVALIDATION_CHANNEL, opened on the first local read. */
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: RedisService,
    private readonly metrics: MetricsService,
    private readonly database: ReadDatabase,
  ) {
    // cache-manager over Keyv over the shared ioredis client (ADR 0015).
    this.cache = createCache({
      stores: [
        new Keyv({
          store: new IoredisKeyvStore(redis.client),
          namespace: NAMESPACE,
          throwOnErrors: true,
        }),
      ],
    });
    this.storeErrors = metrics.counter(
      'hexashop_cache_store_errors_total',
      'Errors reported by the cache store',
      ['operation'],
    );
    this.localHits = metrics.counter(
      'hexashop_cache_local_hits_total',
      'Cache hits served from the in-process copy (also counted as hits in hexashop_cache_requests_total)',
      ['cache'],
    );
    // cache-manager turns store errors into misses and reports them as events.
    for (const operation of ['get', 'set', 'del'] as const) {
      this.cache.on(operation, (event: { error?: unknown }) => {
        if (event.error) this.storeErrors.inc({ operation });
      });
    }
  }

  /**
   * The cached value, or undefined on a miss, an error or a timeout. With
   * `local`, the in-process copy when there is one, else Redis's value is
   * copied into it.
   */
  async get<T>(key: string, local = false): Promise<Envelope<T> | undefined> {
    const name = cacheName(key);
    if (local) {
      const copy = this.localCopy<Envelope<T>>(key);
      if (copy !== undefined) {
        this.metrics.cacheRequests.inc({ cache: name, result: 'hit' });
        this.localHits.inc({ cache: name });
        return copy;
      }
    }
    if (!this.redis.isReady()) {
      // Redis is known to be away: a miss at once instead of waiting for the timeout.
      this.metrics.cacheRequests.inc({ cache: name, result: 'error' });
      return undefined;
    }
    const generation = this.local.generation();
    try {
      const value = await this.read<T>(key);
      this.metrics.cacheRequests.inc({ cache: name, result: value ? 'hit' : 'miss' });
      if (local && value) this.local.set(key, value, generation);
      return value;
    } catch {
      this.storeErrors.inc({ operation: 'get' });
      this.metrics.cacheRequests.inc({ cache: name, result: 'error' });
      return undefined;
    }
  }

  /** One GET through cache-manager; undefined when absent or expired. Throws on Redis errors. */
  private async read<T>(key: string): Promise<Envelope<T> | undefined> {
    return (await this.cache.get<Envelope<T>>(key)) ?? undefined;
  }

  /** Stores a value; failures are ignored (the next read is a miss). */
  async set<T>(key: string, value: T | null, ttlMs: number): Promise<void> {
    if (!this.redis.isReady()) return;
    try {
      await this.cache.set<Envelope<T>>(key, { v: value }, ttlMs);
    } catch {
      // A value that was not stored is only a future miss.
      this.storeErrors.inc({ operation: 'set' });
    }
  }

  /** Deletes keys (here and in every instance's copy); false when Redis could not be reached in time. */
  async delete(...keys: string[]): Promise<boolean> {
    const deleted = await this.deleteInRedis(keys);
    return (await this.announce(keys)) && deleted;
  }

  private async deleteInRedis(keys: readonly string[]): Promise<boolean> {
    try {
      if (keys.length > 0) await this.cache.mdel([...keys]);
      return true;
    } catch (error) {
      this.logger.warn(`cache delete failed for ${keys.join(', ')}: ${(error as Error).message}`);
      return false;
    }
  }

  /**
   * After Redis changed: drops the in-process copies of `keys` here, then on
   * every other instance (PUBLISH answers once Redis has handed the message
   * to every subscriber's connection). Never before the Redis change: a read
   * in between would copy the old value again.
   */
  private async announce(keys: readonly string[]): Promise<boolean> {
    if (keys.length === 0) return true;
    this.local.invalidate(keys);
    try {
      await this.redis.client.publish(INVALIDATION_CHANNEL, JSON.stringify(keys));
      return true;
    } catch (error) {
      this.logger.warn(`cache invalidation message failed: ${(error as Error).message}`);
      return false;
    }
  }

  /** True while in-process copies are served (this instance is subscribed to invalidations). */
  get localCopiesEnabled(): boolean {
    return this.local.enabled;
  }

  /** The in-process copy of `key`; the first call subscribes to invalidations. */
  private localCopy<V extends Envelope<unknown> | number>(key: string): V | undefined {
    if (this.subscriber === undefined) this.subscribe();
    return this.local.get(key) as V | undefined;
  }

  /**
   * Subscribes a second connection to INVALIDATION_CHANNEL. Copies are
   * served only while it is subscribed: it drops them all when it loses
   * Redis, and serves again once subscribed anew.
   */
  private subscribe(): void {
    const subscriber = this.redis.client.duplicate({
      connectionName: `${this.redis.client.options.connectionName ?? 'hexashop'}-invalidations`,
      autoResubscribe: false,
      enableOfflineQueue: true,
      commandTimeout: undefined,
      maxRetriesPerRequest: null,
    });
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => {
      try {
        this.local.invalidate(JSON.parse(message) as string[]);
      } catch {
        this.local.disable();
      }
    });
    subscriber.on('ready', () => {
      subscriber.subscribe(INVALIDATION_CHANNEL).then(
        () => this.local.enable(),
        () => this.local.disable(),
      );
    });
    for (const event of ['close', 'end', 'reconnecting'])
      subscriber.on(event, () => this.local.disable());
    subscriber.on('error', () => this.local.disable());
  }

  async onApplicationShutdown(): Promise<void> {
    this.local.disable();
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }

  /**
   * The value of `key`, loading and caching it on a miss. `loader` runs at
   * most once per key at a time in this process, and (while Redis is up)
   * once across all instances: the others wait up to `lockMs` for its result.
   */
  async getOrLoad<T>(
    key: string,
    loader: () => Promise<T | null>,
    options: LoadOptions,
  ): Promise<T | null> {
    const local = options.local === true;
    const cached = await this.get<T>(key, local);
    if (cached !== undefined) return cached.v;
    const generation = this.local.generation();
    const value = await this.flights.run(key, () => this.loadOnce(key, loader, options));
    if (local && (value !== null || (options.absentTtlMs ?? 0) > 0))
      this.local.set(key, { v: value }, generation);
    return value;
  }

  private async loadOnce<T>(
    key: string,
    loader: () => Promise<T | null>,
    options: LoadOptions,
  ): Promise<T | null> {
    const lockMs = options.lockMs ?? 2000;
    const lockKey = `lock:${key}`;
    const token = randomUUID();
    let locked = false;
    if (this.redis.isReady()) {
      locked =
        (await this.redis.client.set(lockKey, token, 'PX', lockMs, 'NX').catch(() => null)) ===
        'OK';
      if (!locked) {
        const value = await this.waitForValue<T>(key, lockMs);
        if (value !== undefined) return value.v;
      }
    }
    try {
      // Asked for together with the second look below (one round trip): both only need the lock.
      const marks = this.markTimes(options.writeMarks ?? []);
      if (locked) {
        // Another instance may have filled the key and released the lock between our miss and our lock.
        const filled = await this.read<T>(key).catch(() => undefined);
        if (filled !== undefined) return filled.v;
      }
      this.metrics.cacheLoads.inc({ cache: cacheName(key) });
      // The database decides whether the marked writes force the primary.
      const writtenAt = await marks;
      const value = await this.database.readingAfter(writtenAt, loader);
      const ttl = value === null ? (options.absentTtlMs ?? 0) : options.ttlMs;
      if (ttl > 0) await this.set(key, value, ttl);
      return value;
    } finally {
      if (locked)
        await this.redis.client.eval(RELEASE_LOCK, 1, lockKey, token).catch(() => undefined);
    }
  }

  /** Polls for a value another instance is rebuilding; undefined if it does not show up in time. */
  private async waitForValue<T>(key: string, lockMs: number): Promise<Envelope<T> | undefined> {
    const deadline = Date.now() + lockMs;
    let delay = 10;
    while (Date.now() < deadline && this.redis.isReady()) {
      await sleep(delay);
      delay = Math.min(delay * 2, 50);
      try {
        const value = await this.read<T>(key);
        if (value) return value;
      } catch {
        // One slow answer (a busy CPU) is no reason to load too; a Redis that is gone ends the loop.
      }
    }
    return undefined;
  }

  /**
   * After a write commits: deletes `keys`, moves the version of `groups` on
   * (every key built with it is invalid) and leaves write marks so refills
   * do not read a replica that has not applied the write yet.
   */
  async invalidate(keys: readonly string[], groups: readonly string[] = []): Promise<boolean> {
    const now = String(Date.now());
    const pipeline = this.redis.client.multi();
    for (const mark of [...keys, ...groups.map((group) => `ver:${group}`)])
      pipeline.set(`wm:${mark}`, now, 'PX', WRITE_MARK_TTL_MS);
    for (const group of groups) pipeline.incr(`ver:${group}`);
    const [deleted, marked] = await Promise.all([
      this.deleteInRedis(keys),
      pipeline.exec().then(
        () => true,
        (error: Error) => {
          this.logger.warn(`cache invalidation of ${groups.join(', ')} failed: ${error.message}`);
          return false;
        },
      ),
    ]);
    const announced = await this.announce([...keys, ...groups.map(versionKey)]);
    return deleted && marked && announced;
  }

  /** When the marked keys were last written (epoch ms); `'unknown'` when Redis cannot tell. */
  private async markTimes(marks: readonly string[]): Promise<ReadonlyArray<number | 'unknown'>> {
    if (marks.length === 0) return [];
    try {
      const values = await this.redis.client.mget(...marks.map((mark) => `wm:${mark}`));
      return values.filter((value) => value !== null).map(Number);
    } catch {
      return ['unknown'];
    }
  }

  /**
   * `getOrLoad` for a value of a group that `invalidate(…, [group])` drops as
   * a whole: the key embeds the group's current version and the group's write
   * mark guards refills. When Redis cannot tell the version the loader answers
   * directly: a value cached under an unknown version could be stale for its TTL.
   */
  async getOrLoadInGroup<T>(
    group: string,
    part: string,
    loader: () => Promise<T | null>,
    options: Omit<LoadOptions, 'writeMarks'>,
  ): Promise<T | null> {
    const version = await this.version(group, options.local === true);
    if (version < 0) return loader();
    return this.getOrLoad(`${group}:v${version}:${part}`, loader, {
      ...options,
      writeMarks: [`ver:${group}`],
    });
  }

  /** The current version number of a group of keys: 0 before the first write, -1 when Redis cannot tell. */
  async version(group: string, local = false): Promise<number> {
    const key = versionKey(group);
    if (local) {
      const copy = this.localCopy<number>(key);
      if (copy !== undefined) return copy;
    }
    if (!this.redis.isReady()) return -1;
    const generation = this.local.generation();
    try {
      const value = await this.redis.client.get(key);
      const version = value === null ? 0 : Number(value);
      if (local) this.local.set(key, version, generation);
      return version;
    } catch {
      return -1;
    }
  }
}

function versionKey(group: string): string {
  return `ver:${group}`;
}

function cacheName(key: string): string {
  return key.slice(0, key.indexOf(':') === -1 ? key.length : key.indexOf(':'));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
