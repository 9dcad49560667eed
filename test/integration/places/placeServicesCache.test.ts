import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { RedisCacheStore } from '../../../src/shared/cache/CacheStore.js';
import {
  type PlaceSearchParams,
  placeSearchParamsSchema,
} from '../../../src/shared/places/placeSearchParams.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';
import { UPSTREAM } from './placesApp.js';
import { type SandboxPlaceServices, sandboxPlaceServices } from './sandboxPlaceServices.js';

const MINUTE = 60_000;
const TOKYO_TOWER = { lat: 35.6586, lng: 139.7454 };
const SENSOJI = { lat: 35.7148, lng: 139.7967 };

/** Search parameters as the HTTP layer parses them (strings in, defaults applied). */
const params = (raw: Record<string, string | number | boolean>): PlaceSearchParams =>
  placeSearchParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])));

/**
 * The cache behaviour of the place services, with the real provider clients and policies against the
 * sandbox over HTTP and a clock the test moves. Redis (L2) is a database of this file's own, shared by
 * its tests, so each test searches with a radius of its own.
 */
describe('place services cache (TTLs, keys, single flight, stale on error)', () => {
  let sandbox: RunningSandbox;
  let redis: Redis | undefined;
  let clock: number;
  let services: SandboxPlaceServices | undefined;

  const calls = (path: string) => sandbox.stats.byPath()[path] ?? 0;
  const advance = (ms: number) => (clock += ms);
  const build = async (withL2: boolean) => {
    services = await sandboxPlaceServices(sandbox, {
      now: () => clock,
      l2: withL2 && redis ? new RedisCacheStore(redis) : undefined,
    });
    return services;
  };

  beforeAll(async () => {
    // "Open now" is judged on the sandbox's clock: a Wednesday, 11:00 in Seoul, when palaces are open.
    sandbox = await startSandbox({ now: () => new Date('2026-03-11T02:00:00Z') });
    // A database of its own: other test files share the redis-server and cache the same places
    // (hours matched by place id) on clocks of their own.
    if (redisUrl()) {
      redis = new Redis(`${redisUrl()}/3`);
      await redis.flushdb();
    }
  });
  afterAll(async () => {
    redis?.disconnect();
    await sandbox?.close();
  });
  beforeEach(() => {
    clock = Date.now();
    sandbox.faults.clear();
    sandbox.stats.reset();
  });
  afterEach(async () => {
    await services?.close();
    services = undefined;
  });

  it('keys a search by provider and normalized query: equivalent searches share one entry', async () => {
    const { places } = await build(false);
    const a = params({ query: ' Gyeongbokgung ', lat: 37.5796, lng: 126.977, radius: 4101 });
    const b = params({
      query: 'GYEONGBOKGUNG',
      lat: 37.579600004,
      lng: 126.977,
      radius: 4101,
      provider: 'kakao',
    });
    expect(places.search.keyFor('kakao', a, 1)).toMatch(/^location:search:kakao-[\w-]{22}:v1$/);
    expect(places.search.keyFor('kakao', b, 1)).toBe(places.search.keyFor('kakao', a, 1));
    expect(places.search.keyFor('google', a, 1)).not.toBe(places.search.keyFor('kakao', a, 1));

    expect((await places.search.search(a)).cache).toBe('miss');
    expect((await places.search.search(b)).cache).toBe('hit');
    expect((await places.search.search({ ...a, size: 5 })).cache).toBe('miss');
    expect(calls(UPSTREAM.kakaoKeyword)).toBe(2);
  });

  it('keeps a search in L1 alone for at most its 5-minute ceiling', async () => {
    const { places } = await build(false);
    const search = params({ query: '경복궁', lat: 37.5796, lng: 126.977, radius: 4102 });
    expect((await places.search.search(search)).cache).toBe('miss');
    advance(4 * MINUTE);
    expect((await places.search.search(search)).cache).toBe('hit');
    advance(2 * MINUTE);
    expect((await places.search.search(search)).cache).toBe('miss');
    expect(calls(UPSTREAM.kakaoKeyword)).toBe(2);
  });

  itWithRedis('keeps a search 30 minutes through L2', async () => {
    const { places, metrics } = await build(true);
    const search = params({ query: '경복궁', lat: 37.5796, lng: 126.977, radius: 4103 });
    expect((await places.search.search(search)).cache).toBe('miss');
    advance(6 * MINUTE);
    expect((await places.search.search(search)).cache).toBe('hit');
    expect(metrics.count('cache.hit.l2')).toBe(1);
    advance(23 * MINUTE);
    expect((await places.search.search(search)).cache).toBe('hit');
    advance(2 * MINUTE);
    expect((await places.search.search(search)).cache).toBe('miss');
    expect(calls(UPSTREAM.kakaoKeyword)).toBe(2);
  });

  it('keeps "open now" searches 5 minutes (answered by Google, even in Korea)', async () => {
    const { places } = await build(false);
    const search = params({
      query: 'palace',
      lat: 37.5796,
      lng: 126.977,
      radius: 4104,
      openNow: true,
      language: 'en',
    });
    const first = await places.search.search(search);
    expect(first).toMatchObject({ provider: 'google', cache: 'miss' });
    advance(5 * MINUTE - 1_000);
    expect((await places.search.search(search)).cache).toBe('hit');
    advance(2_000);
    expect((await places.search.search(search)).cache).toBe('miss');
    expect(calls(UPSTREAM.googleText)).toBe(2);
    expect(calls(UPSTREAM.kakaoKeyword)).toBe(0);
  });

  it('caches an empty result for 60 seconds only', async () => {
    const { places } = await build(false);
    const search = params({ query: 'no such place anywhere', lat: 37.5796, lng: 126.977, radius: 4105 });
    expect(await places.search.search(search)).toMatchObject({ places: [], cache: 'miss' });
    advance(59_000);
    expect((await places.search.search(search)).cache).toBe('hit');
    advance(2_000);
    expect((await places.search.search(search)).cache).toBe('miss');
    expect(calls(UPSTREAM.kakaoKeyword)).toBe(2);
  });

  itWithRedis('keeps Google place details 2 hours and routes 4 hours', async () => {
    const { places } = await build(true);
    const id = `google:${sandbox.places.find('90040005')!.googleId}`;
    expect((await places.details.get(id, 'en')).cache).toBe('miss');
    advance(119 * MINUTE);
    expect((await places.details.get(id, 'en')).cache).toBe('hit');
    advance(2 * MINUTE);
    expect((await places.details.get(id, 'en')).cache).toBe('miss');
    expect(calls(UPSTREAM.googleDetails)).toBe(2);

    const route = { from: SENSOJI, to: { lat: 35.6586, lng: 139.74541 }, mode: 'car' as const };
    expect(await places.routes.route(route)).toMatchObject({ provider: 'google', estimated: false });
    advance(239 * MINUTE);
    await places.routes.route(route);
    expect(calls(UPSTREAM.googleRoutes)).toBe(1);
    advance(2 * MINUTE);
    await places.routes.route(route);
    expect(calls(UPSTREAM.googleRoutes)).toBe(2);
  });

  it('keys routes by departure time as well', async () => {
    const { places } = await build(false);
    const leg = { from: SENSOJI, to: { lat: 35.6586, lng: 139.74542 }, mode: 'transit' as const };
    const morning = new Date(clock + 24 * 60 * MINUTE).toISOString();
    const evening = new Date(clock + 36 * 60 * MINUTE).toISOString();
    await places.routes.route({ ...leg, departAt: morning });
    await places.routes.route({ ...leg, departAt: evening });
    await places.routes.route({ ...leg, departAt: morning });
    expect(calls(UPSTREAM.googleRoutes)).toBe(2);
  });

  it('keeps an estimate made during an outage only briefly, then asks the provider again', async () => {
    const { places } = await build(false);
    const leg = { from: SENSOJI, to: { lat: 35.6586, lng: 139.74543 }, mode: 'car' as const };
    sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'google-routes' });
    expect(await places.routes.route(leg)).toMatchObject({ provider: 'estimate', estimated: true });
    sandbox.faults.clear();
    advance(61_000);
    expect(await places.routes.route(leg)).toMatchObject({ provider: 'google', estimated: false });

    const matrix = {
      origins: [SENSOJI],
      destinations: [{ lat: 35.6586, lng: 139.74544 }],
      mode: 'car' as const,
    };
    sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'google-routes' });
    expect((await places.routes.matrix(matrix))[0]![0]!.estimated).toBe(true);
    sandbox.faults.clear();
    advance(61_000);
    expect((await places.routes.matrix(matrix))[0]![0]!.estimated).toBe(false);
  });

  it('makes one upstream call for 100 concurrent identical searches (single flight)', async () => {
    const { places } = await build(false);
    sandbox.faults.add({ kind: 'latency', ms: 100 });
    const search = params({ query: 'tower', ...TOKYO_TOWER, radius: 4106, language: 'en' });
    const results = await Promise.all(Array.from({ length: 100 }, () => places.search.search(search)));
    expect(sandbox.stats.requests()).toBe(1);
    expect(results.filter((r) => r.cache === 'miss')).toHaveLength(1);
    expect(results.filter((r) => r.cache === 'hit')).toHaveLength(99);
    for (const r of results) expect(r.places).toEqual(results[0]!.places);

    // Google page 2 needs page 1's token: 20 concurrent page-2 requests make one call per page.
    const paged = params({ query: 'museum', ...SENSOJI, radius: 4107, size: 2, page: 2, language: 'en' });
    await Promise.all(Array.from({ length: 20 }, () => places.search.search(paged)));
    expect(calls(UPSTREAM.googleText)).toBe(3);
  });

  itWithRedis(
    'serves the last good page from L2, flagged stale, when both providers fail after it expired',
    async () => {
      const { places, metrics } = await build(true);
      const search = params({ query: '경복궁', lat: 37.5796, lng: 126.977, radius: 4108 });
      const fresh = await places.search.search(search);
      expect(fresh).toMatchObject({ provider: 'kakao', cache: 'miss' });
      advance(31 * MINUTE);
      sandbox.faults.add({ kind: 'http_error', status: 503 });
      sandbox.stats.reset();

      const stale = await places.search.search(search);
      expect(stale).toEqual({ ...fresh, cache: 'stale' });
      expect(metrics.count('cache.stale')).toBe(1);
      // The stale page answers before any fallback: Google was not asked.
      expect(calls(UPSTREAM.kakaoKeyword)).toBe(3);
      expect(calls(UPSTREAM.googleText)).toBe(0);
    },
  );

  itWithRedis(
    'remembers Kakao places from a search and serves their details, hours matched for 10 minutes',
    async () => {
      const { places } = await build(true);
      await places.search.search(params({ query: '경복궁', lat: 37.5796, lng: 126.977, radius: 4109 }));
      const first = await places.details.get('kakao:90010001', 'ko');
      expect(first.cache).toBe('hit');
      expect(first.place.openingHours).toMatchObject({
        source: 'google',
        periods: sandbox.places.find('90010001')!.openingHours,
      });
      advance(9 * MINUTE);
      expect((await places.details.get('kakao:90010001', 'ko')).cache).toBe('hit');
      expect(calls(UPSTREAM.googleText)).toBe(1);
      advance(2 * MINUTE);
      expect((await places.details.get('kakao:90010001', 'ko')).place.openingHours?.source).toBe('google');
      expect(calls(UPSTREAM.googleText)).toBe(2);
      expect(calls(UPSTREAM.kakaoKeyword)).toBe(1);
    },
  );
});
