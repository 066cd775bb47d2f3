/**
 * A small in-process copy of the hottest Redis cache entries (ADR 0044).
 * Bounded in entries and in age; kept coherent by invalidation messages
 * that every instance receives over Redis pub/sub (see CacheService).
 *
 * The generation counter closes the race between a Redis read and an
 * invalidation: a value read from Redis is kept only when no invalidation
 * arrived while the read was in flight (`set(key, value, generation)` with
 * the generation taken before the read). While the instance is not
 * subscribed (`enabled` false) nothing is served or stored.
 */
export class LocalCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly until: number }>();
  private current = 0;
  private on = false;

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  /** Serve and store again (the invalidation channel is subscribed). */
  enable(): void {
    this.current += 1;
    this.on = true;
  }

  /** Stop serving and forget everything (invalidations may be missed from now on). */
  disable(): void {
    this.on = false;
    this.current += 1;
    this.entries.clear();
  }

  /** Taken before a read from Redis; pass it to `set`. */
  generation(): number {
    return this.current;
  }

  get(key: string): V | undefined {
    if (!this.on) return undefined;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps `value` unless an invalidation arrived since `generation` was taken. */
  set(key: string, value: V, generation: number): void {
    if (!this.on || generation !== this.current) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) this.evict();
    this.entries.delete(key);
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  /** Drops `keys` and fails every read still in flight (its value may predate the write). */
  invalidate(keys: readonly string[]): void {
    this.current += 1;
    for (const key of keys) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The oldest stored entry (Map keeps insertion order; with one TTL it also expires first). */
  private evict(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }
}
