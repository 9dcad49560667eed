import { describe, expect, it } from 'vitest';

import { decodeCacheValue, encodeCacheValue } from '../../../src/shared/cache/cacheCodec.js';
import { cacheKey, queryHash } from '../../../src/shared/cache/cacheKeys.js';
import type { CacheStore } from '../../../src/shared/cache/CacheStore.js';
import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';

class MapStore implements CacheStore {
  readonly data = new Map<string, { value: unknown; expires: number }>();
  failing = false;
  constructor(private readonly now: () => number) {}
  async get<T>(key: string) {
    if (this.failing) throw new Error('redis down');
    const e = this.data.get(key);
    return e && e.expires > this.now() ? (e.value as T) : undefined;
  }
  async set(key: string, value: unknown, ttlMs: number) {
    if (this.failing) throw new Error('redis down');
    this.data.set(key, { value: JSON.parse(JSON.stringify(value)), expires: this.now() + ttlMs });
  }
  async delete(key: string) {
    this.data.delete(key);
  }
}

function setup(withL2 = true) {
  let clock = 1_000_000;
  const now = () => clock;
  const metrics = new Metrics();
  const l2 = new MapStore(now);
  const cache = new TieredCache({
    l1MaxEntries: 100,
    l1TtlMs: 5 * 60_000,
    l2: withL2 ? l2 : undefined,
    metrics,
    now,
  });
  return { cache, metrics, l2, advance: (ms: number) => (clock += ms) };
}

const policy = { ttlMs: 30 * 60_000, negativeTtlMs: 60_000, isEmpty: (v: string[]) => v.length === 0 };

describe('TieredCache', () => {
  it('serves hits until the TTL ends, then reloads', async () => {
    const { cache, metrics, advance } = setup();
    let calls = 0;
    const loader = async () => [`v${++calls}`];
    expect((await cache.getOrLoad('k', policy, loader)).cache).toBe('miss');
    advance(4 * 60_000);
    expect(await cache.getOrLoad('k', policy, loader)).toMatchObject({ cache: 'hit', value: ['v1'] });
    // L1 forgets after its 5-minute ceiling; L2 still has the fresh value.
    advance(2 * 60_000);
    expect(await cache.getOrLoad('k', policy, loader)).toMatchObject({ cache: 'hit', value: ['v1'] });
    expect(metrics.count('cache.hit.l2')).toBe(1);
    advance(25 * 60_000);
    expect(await cache.getOrLoad('k', policy, loader)).toMatchObject({ cache: 'miss', value: ['v2'] });
    expect(calls).toBe(2);
  });

  it('makes one upstream call for many concurrent misses of one key', async () => {
    const { cache, metrics } = setup();
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const loader = async () => {
      calls++;
      await gate;
      return ['x'];
    };
    const all = Array.from({ length: 500 }, () => cache.getOrLoad('same', policy, loader));
    release();
    const results = await Promise.all(all);
    expect(calls).toBe(1);
    expect(metrics.count('upstream.calls')).toBe(1);
    expect(results.filter((r) => r.cache === 'miss')).toHaveLength(1);
    expect(results.every((r) => r.value[0] === 'x')).toBe(true);
  });

  it('serves the last good value, flagged stale, when the upstream fails transiently', async () => {
    const { cache, advance } = setup();
    await cache.getOrLoad('k', policy, async () => ['good']);
    advance(31 * 60_000);
    const failing = async (): Promise<string[]> => {
      throw new AppError('upstream_unavailable', 'down');
    };
    expect(await cache.getOrLoad('k', policy, failing)).toMatchObject({ cache: 'stale', value: ['good'] });
  });

  it('does not hide permanent errors behind stale values', async () => {
    const { cache, advance } = setup();
    await cache.getOrLoad('k', policy, async () => ['good']);
    advance(31 * 60_000);
    await expect(
      cache.getOrLoad('k', policy, async () => {
        throw new AppError('upstream_rejected', 'bad key');
      }),
    ).rejects.toMatchObject({ code: 'upstream_rejected' });
  });

  it('caches empty results only briefly', async () => {
    const { cache, advance } = setup();
    let calls = 0;
    const loader = async () => (++calls === 1 ? [] : ['found']);
    await cache.getOrLoad('empty', policy, loader);
    advance(30_000);
    expect((await cache.getOrLoad('empty', policy, loader)).value).toEqual([]);
    advance(31_000);
    expect((await cache.getOrLoad('empty', policy, loader)).value).toEqual(['found']);
  });

  it('without L2, reloads after the 5-minute L1 ceiling but still has the value for stale-on-error and peek', async () => {
    const { cache, advance } = setup(false);
    await cache.getOrLoad('k', policy, async () => ['good']);
    advance(6 * 60_000);
    expect(await cache.freshness('k')).toEqual({ cached: false, freshForMs: 0 });
    expect(await cache.peek('k')).toEqual(['good']);
    const failing = async (): Promise<string[]> => {
      throw new AppError('upstream_timeout', 'slow');
    };
    expect(await cache.getOrLoad('k', policy, failing)).toMatchObject({ cache: 'stale', value: ['good'] });
    expect(await cache.getOrLoad('k', policy, async () => ['new'])).toMatchObject({
      cache: 'miss',
      value: ['new'],
    });
  });

  it('keeps working on L1 alone when L2 fails', async () => {
    const { cache, l2, metrics } = setup();
    l2.failing = true;
    await cache.getOrLoad('k', policy, async () => ['a']);
    expect(await cache.getOrLoad('k', policy, async () => ['b'])).toMatchObject({
      cache: 'hit',
      value: ['a'],
    });
    expect(metrics.count('cache.l2.errors')).toBeGreaterThan(0);
  });

  it('reports freshness for warmers and forgets invalidated keys', async () => {
    const { cache, advance } = setup();
    expect(await cache.freshness('k')).toEqual({ cached: false, freshForMs: 0 });
    await cache.getOrLoad('k', policy, async () => ['a']);
    advance(10 * 60_000);
    expect(await cache.freshness('k')).toEqual({ cached: true, freshForMs: 20 * 60_000 });
    await cache.invalidate('k');
    expect(await cache.freshness('k')).toEqual({ cached: false, freshForMs: 0 });
  });
});

describe('cache keys and codec', () => {
  it('builds keys as service:domain:id:version', () => {
    expect(cacheKey('location', 'place', 'kakao:26338954')).toBe('location:place:kakao%3A26338954:v1');
    expect(cacheKey('location', 'place', 'a:b')).not.toBe(cacheKey('location', 'place', 'a-b'));
  });

  it('hashes equivalent queries to the same key', () => {
    expect(queryHash({ query: ' Gyeongbokgung  Palace', lat: 37.579617001, size: 15, page: undefined })).toBe(
      queryHash({ size: 15, lat: 37.579617, query: 'gyeongbokgung palace' }),
    );
    expect(queryHash({ query: 'a' })).not.toBe(queryHash({ query: 'b' }));
  });

  it('gzips values over 1 KB and round-trips both forms', () => {
    const small = { a: 1 };
    const large = { text: 'x'.repeat(5000) };
    expect(encodeCacheValue(small)[0]).toBe(0);
    const encoded = encodeCacheValue(large);
    expect(encoded[0]).toBe(1);
    expect(encoded.byteLength).toBeLessThan(500);
    expect(decodeCacheValue(encodeCacheValue(small))).toEqual(small);
    expect(decodeCacheValue(encoded)).toEqual(large);
  });
});

describe('TieredCache cross-instance single-flight', () => {
  it('does not load a key another instance stored and let go between its L2 read and its lease', async () => {
    const clock = 1_000_000;
    const now = () => clock;
    /** An L2 whose first read misses, while "another instance" stores the value and releases its lease. */
    class RacingStore extends MapStore {
      reads = 0;
      override async get<T>(key: string) {
        this.reads++;
        if (this.reads === 1) {
          const value = await super.get<T>(key);
          await this.set(key, { v: ['from-b'], s: clock, f: clock + 60_000 }, 60_000);
          return value;
        }
        return super.get<T>(key);
      }
      async tryLease() {
        return true;
      }
      released = 0;
      async releaseLease() {
        this.released++;
      }
    }
    const l2 = new RacingStore(now);
    const cache = new TieredCache({ l1MaxEntries: 10, l1TtlMs: 60_000, l2, metrics: new Metrics(), now });
    let loads = 0;
    const result = await cache.getOrLoad('k', policy, async () => [`a${++loads}`]);
    expect(loads).toBe(0);
    expect(result).toMatchObject({ value: ['from-b'], cache: 'hit' });
    expect(l2.released).toBe(1);
  });
});
