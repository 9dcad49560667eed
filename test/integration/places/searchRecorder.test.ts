import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, vi } from 'vitest';

import type { PlaceSearchParams } from '../../../src/shared/places/placeSearchParams.js';
import { RedisSearchRecorder } from '../../../src/shared/places/SearchRecorder.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';

const POPULAR_KEY = 'location:popular:search:v1';

/** A search no other test records (the sorted set is shared by the whole run). */
function uniqueSearch(page = 1): PlaceSearchParams {
  const query = `recorder test ${Math.random().toString(36).slice(2)}`;
  return { query, radius: 5000, language: 'ko', page, size: 15 };
}

describe('RedisSearchRecorder (real redis-server): batched, off the response path', () => {
  let redis: Redis;
  beforeAll(() => {
    if (redisUrl()) redis = new Redis(redisUrl()!);
  });
  afterAll(() => redis?.disconnect());
  afterEach(() => vi.useRealTimers());

  const score = async (params: PlaceSearchParams) => redis.zscore(POPULAR_KEY, JSON.stringify(params));

  itWithRedis('writes nothing while recording; one flush adds up every count', async () => {
    const recorder = new RedisSearchRecorder(redis);
    const hot = uniqueSearch();
    const cold = uniqueSearch();
    for (let i = 0; i < 7; i++) recorder.record(hot);
    recorder.record(cold);
    expect(await score(hot)).toBeNull();
    await recorder.flush();
    expect(await score(hot)).toBe('7');
    expect(await score(cold)).toBe('1');
  });

  itWithRedis('flushes by itself after the interval (fake timers), and counts only page 1', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const recorder = new RedisSearchRecorder(redis, { flushIntervalMs: 1_000 });
    const first = uniqueSearch();
    const later = uniqueSearch(2);
    recorder.record(first);
    recorder.record(later);
    await vi.advanceTimersByTimeAsync(999);
    expect(await score(first)).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    await recorder.flush(); // waits for the write the timer started
    expect(await score(first)).toBe('1');
    expect(await score(later)).toBeNull();
  });

  itWithRedis('writes at once when many distinct searches are pending; top() sees them', async () => {
    const recorder = new RedisSearchRecorder(redis, { flushIntervalMs: 60_000, maxPending: 3 });
    const searches = [uniqueSearch(), uniqueSearch(), uniqueSearch()];
    for (const s of searches) recorder.record(s);
    recorder.record(searches[0]!);
    const top = await recorder.top(100_000);
    expect(top.map((p) => p.query)).toEqual(expect.arrayContaining(searches.map((s) => s.query)));
    expect(await score(searches[0]!)).toBe('2');
  });

  itWithRedis('a Redis that is gone loses the counts but never fails a search', async () => {
    const broken = new Redis(redisUrl()!, { lazyConnect: true, maxRetriesPerRequest: 0 });
    broken.disconnect();
    const recorder = new RedisSearchRecorder(broken);
    expect(() => recorder.record(uniqueSearch())).not.toThrow();
    await expect(recorder.flush()).resolves.toBeUndefined();
  });
});
