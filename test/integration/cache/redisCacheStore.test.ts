import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect } from 'vitest';

import { RedisCacheStore } from '../../../src/shared/cache/CacheStore.js';
import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';

describe('RedisCacheStore (real redis-server)', () => {
  let redis: Redis;
  beforeAll(() => {
    if (redisUrl()) redis = new Redis(redisUrl()!);
  });
  afterAll(() => redis?.disconnect());

  itWithRedis('stores gzip-compressed values with a PX expiry and reads them back', async () => {
    const store = new RedisCacheStore(redis);
    const big = {
      places: Array.from({ length: 50 }, (_, i) => ({ name: `place ${i}`, address: 'Jongno-gu, Seoul' })),
    };
    await store.set('test:cache:big:v1', big, 60_000);
    const raw = await redis.getBuffer('test:cache:big:v1');
    expect(raw![0]).toBe(1);
    expect(raw!.byteLength).toBeLessThan(JSON.stringify(big).length / 3);
    const ttl = await redis.pttl('test:cache:big:v1');
    expect(ttl).toBeGreaterThan(59_000);
    expect(await store.get('test:cache:big:v1')).toEqual(big);
    expect(await store.get('test:cache:missing:v1')).toBeUndefined();
  });

  itWithRedis('shares values between two processes-worth of caches through L2', async () => {
    const metricsA = new Metrics();
    const metricsB = new Metrics();
    const a = new TieredCache({
      l1MaxEntries: 10,
      l1TtlMs: 300_000,
      l2: new RedisCacheStore(redis),
      metrics: metricsA,
    });
    const b = new TieredCache({
      l1MaxEntries: 10,
      l1TtlMs: 300_000,
      l2: new RedisCacheStore(redis),
      metrics: metricsB,
    });
    const key = `test:share:${Date.now()}:v1`;
    await a.getOrLoad(key, { ttlMs: 60_000 }, async () => 'from-a');
    const fromB = await b.getOrLoad(key, { ttlMs: 60_000 }, async () => 'from-b');
    expect(fromB).toMatchObject({ value: 'from-a', cache: 'hit' });
    expect(metricsB.count('upstream.calls')).toBe(0);
  });
});
