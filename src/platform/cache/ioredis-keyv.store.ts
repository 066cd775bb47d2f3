import { EventEmitter } from 'node:events';
import type Redis from 'ioredis';
import type { KeyvStoreAdapter, StoredData } from 'keyv';

/**
 * A Keyv store on the process's shared ioredis connection, so cache-manager
 * uses the same client as everything else in Redis: no offline queue, a
 * 100 ms command timeout, one GET per read (no second Redis library and no
 * timer race per call; see ADR 0015). Keyv does the serialisation and the
 * `expires` check; the store keeps Redis TTLs in step so entries disappear.
 */
export class IoredisKeyvStore extends EventEmitter implements KeyvStoreAdapter {
  readonly opts = {};
  namespace?: string;

  constructor(private readonly client: Redis) {
    super();
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const value = await this.client.get(key);
    return (value ?? undefined) as StoredData<Value> | undefined;
  }

  async set(key: string, value: string, ttl?: number): Promise<void> {
    if (ttl !== undefined && ttl > 0) await this.client.set(key, value, 'PX', ttl);
    else await this.client.set(key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.client.del(key)) > 0;
  }

  async deleteMany(keys: string[]): Promise<boolean> {
    return keys.length > 0 && (await this.client.del(...keys)) > 0;
  }

  /** Never flushes Redis: it holds queues, limits and locks besides the cache. */
  async clear(): Promise<void> {
    throw new Error('clearing the shared Redis is not supported');
  }
}
