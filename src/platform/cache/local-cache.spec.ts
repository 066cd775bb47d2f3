import { LocalCache } from './local-cache';

describe(LocalCache.name, () => {
  let now = 0;
  const cache = (max = 3, ttl = 1_000) => {
    const local = new LocalCache<string>(max, ttl, () => now);
    local.enable();
    return local;
  };

  beforeEach(() => {
    now = 1_000_000;
  });

  it('serves a stored value until its age limit', () => {
    const local = cache();
    local.set('a', 'A', local.generation());
    now += 999;
    expect(local.get('a')).toBe('A');
    now += 1;
    expect(local.get('a')).toBeUndefined();
  });

  it('drops a value read from Redis while an invalidation arrived (any key)', () => {
    const local = cache();
    const before = local.generation();
    local.invalidate(['b']);
    local.set('a', 'stale', before);
    expect(local.get('a')).toBeUndefined();
    local.set('a', 'fresh', local.generation());
    expect(local.get('a')).toBe('fresh');
  });

  it('forgets invalidated keys only', () => {
    const local = cache();
    local.set('a', 'A', local.generation());
    local.set('b', 'B', local.generation());
    local.invalidate(['a']);
    expect(local.get('a')).toBeUndefined();
    expect(local.get('b')).toBe('B');
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const local = cache(3);
    for (const key of ['a', 'b', 'c', 'd']) local.set(key, key, local.generation());
    expect(local.size).toBe(3);
    expect(local.get('a')).toBeUndefined();
    expect(local.get('d')).toBe('d');
  });

  it('neither serves nor stores while disabled, and starts empty when enabled again', () => {
    const local = cache();
    local.set('a', 'A', local.generation());
    local.disable();
    expect(local.get('a')).toBeUndefined();
    local.set('b', 'B', local.generation());
    local.enable();
    expect(local.get('a')).toBeUndefined();
    expect(local.get('b')).toBeUndefined();
    expect(local.size).toBe(0);
  });

  it('does not keep a read that started before the copies were enabled again', () => {
    const local = cache();
    local.disable();
    const before = local.generation();
    local.enable();
    local.set('a', 'read while unsubscribed', before);
    expect(local.get('a')).toBeUndefined();
  });
});
