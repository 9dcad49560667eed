import { describe, expect, it } from 'vitest';

import { CACHE_TTL_SECONDS } from '../../../src/shared/cache/cacheKeys.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import { expectProblem, type PlacesApp, query, UPSTREAM, usePlacesApp } from './placesApp.js';

const SEOUL = { lat: 37.5796, lng: 126.977 };
const TOKYO = { lat: 35.7148, lng: 139.7967 };

/**
 * Upstream faults through HTTP with the default 2 s budget. Breakers live for the whole file and open
 * after 5 consecutive failures of one operation, so a test that fails an operation ends with a
 * successful call (which resets the count); the breaker test comes last.
 */
describe('places API under upstream faults', () => {
  const app = usePlacesApp();

  const search = async (params: Record<string, string | number>) =>
    app.request(`/api/places/search${query(params)}`);

  /** After the faults clear, the same request answers 200 (and the operation's failure count resets). */
  const recovers = async (params: Record<string, string | number>) => {
    app.local.sandbox.faults.clear();
    expect((await search(params)).status).toBe(200);
  };

  it('falls back to Google when Kakao answers 5xx to every call', async () => {
    app.local.sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    const params = { query: '경복궁', ...SEOUL, radius: 3001 };
    const res = await search(params);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ provider: 'google', cache: 'miss' });
    expect(res.body.places[0]).toMatchObject({ provider: 'google', name: '경복궁' });
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(3); // one call and two retries
    expect(app.calls(UPSTREAM.googleText)).toBe(1);

    app.local.sandbox.faults.clear();
    const again = await search(params);
    expect(again.body).toMatchObject({ provider: 'kakao', cache: 'miss' });
  });

  it('honours Retry-After 1 from Kakao: one retry about a second later, then success', async () => {
    app.local.sandbox.faults.add({
      kind: 'rate_limit',
      retryAfterSeconds: 1,
      upstream: 'kakao-local',
      times: 1,
    });
    const res = await search({ query: '경복궁', ...SEOUL, radius: 3002 });
    expect(res.status).toBe(200);
    expect(res.body.provider).toBe('kakao');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(2);
    expect(app.calls(UPSTREAM.googleText)).toBe(0);
    expect(res.ms).toBeGreaterThanOrEqual(950);
    expect(res.ms).toBeLessThan(1_900);
  });

  it('gives up at once on a Retry-After longer than the budget, and falls back', async () => {
    app.local.sandbox.faults.add({ kind: 'rate_limit', retryAfterSeconds: 30, upstream: 'kakao-local' });
    const params = { query: '경복궁', ...SEOUL, radius: 3003 };
    const res = await search(params);
    expect(res.status).toBe(200);
    expect(res.body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);
    expect(res.ms).toBeLessThan(1_000);
    await recovers(params);
  });

  it('maps Google 5xx to 503 when no fallback is possible: provider=google forced in Seoul, or Tokyo', async () => {
    app.local.sandbox.faults.add({ kind: 'http_error', status: 500, upstream: 'google-places' });
    const forced = { query: '경복궁', ...SEOUL, provider: 'google', radius: 3004 };
    const res = await search(forced);
    expectProblem(res, 503, 'upstream_unavailable');
    expect(res.body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(0);
    expect(app.calls(UPSTREAM.googleText)).toBe(3);
    await recovers(forced);

    app.local.sandbox.faults.add({ kind: 'http_error', status: 502, upstream: 'google-places' });
    const tokyo = { query: 'temple', ...TOKYO, radius: 3005 };
    expectProblem(await search(tokyo), 503, 'upstream_unavailable');
    await recovers(tokyo);
  });

  it('maps a Google 504 to 504 upstream_timeout', async () => {
    app.local.sandbox.faults.add({ kind: 'http_error', status: 504, upstream: 'google-places' });
    const tokyo = { query: 'temple', ...TOKYO, radius: 3006 };
    expectProblem(await search(tokyo), 504, 'upstream_timeout');
    await recovers(tokyo);
  });

  it('maps malformed JSON and a wrong shape to 502 upstream_bad_response', async () => {
    app.local.sandbox.faults.add({ kind: 'malformed_json', upstream: 'google-places' });
    const tokyo = { query: 'temple', ...TOKYO, radius: 3007 };
    const malformed = await search(tokyo);
    expectProblem(malformed, 502, 'upstream_bad_response');
    expect(malformed.body.detail).toBe('malformed JSON');
    await recovers(tokyo);

    app.local.sandbox.faults.add({ kind: 'wrong_shape', upstream: 'google-places' });
    const other = { ...tokyo, radius: 3008 };
    const wrong = await search(other);
    expectProblem(wrong, 502, 'upstream_bad_response');
    expect(wrong.body.detail).toMatch(/^unexpected response shape at /);
    await recovers(other);
  });

  it('maps Google 5xx on place details to 503, and a reset connection to 503', async () => {
    const id = `google:${app.local.sandbox.places.find('90040003')!.googleId}`;
    app.local.sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'google-places' });
    expectProblem(await app.request(`/api/places/${id}?language=en`), 503, 'upstream_unavailable');
    app.local.sandbox.faults.clear();
    expect((await app.request(`/api/places/${id}?language=en`)).status).toBe(200);

    app.local.sandbox.faults.add({ kind: 'reset', upstream: 'google-places' });
    expectProblem(await app.request(`/api/places/${id}?language=ko`), 503, 'upstream_unavailable');
    app.local.sandbox.faults.clear();
    expect((await app.request(`/api/places/${id}?language=ko`)).status).toBe(200);
  });

  it('degrades a car route in Seoul to an estimate when Kakao Mobility fails (Google has no Korean directions)', async () => {
    app.local.sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-mobility' });
    const seoul = await app.request(
      `/api/routes${query({ from: '37.5796,126.977', to: '37.5512,126.9882', mode: 'car' })}`,
    );
    expect(seoul.status).toBe(200);
    expect(seoul.body).toMatchObject({ mode: 'car', provider: 'estimate', estimated: true });
    expect(app.calls(UPSTREAM.kakaoDirections)).toBe(3);
    expect(app.calls(UPSTREAM.googleRoutes)).toBe(1);

    app.local.sandbox.faults.clear();
    const later = await app.request(
      `/api/routes${query({ from: '37.5796,126.977', to: '37.5512,126.9883', mode: 'car' })}`,
    );
    expect(later.body).toMatchObject({ provider: 'kakao', estimated: false });
  });

  it('degrades a route in Tokyo to an estimate when Google Routes fails', async () => {
    app.local.sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'google-routes' });
    const tokyo = await app.request(
      `/api/routes${query({ from: '35.7148,139.7967', to: '35.6586,139.7454', mode: 'transit' })}`,
    );
    expect(tokyo.status).toBe(200);
    expect(tokyo.body).toMatchObject({ mode: 'transit', provider: 'estimate', estimated: true });
    expect(app.calls(UPSTREAM.googleRoutes)).toBe(3);

    app.local.sandbox.faults.clear();
    const later = await app.request(
      `/api/routes${query({ from: '35.7148,139.7967', to: '35.6586,139.7455', mode: 'transit' })}`,
    );
    expect(later.body).toMatchObject({ provider: 'google', estimated: false });
  });

  it('keeps answering a cached search, flagged stale, when both providers fail', async () => {
    const params = { query: '경복궁', ...SEOUL, radius: 3009 };
    const fresh = await search(params);
    expect(fresh.body).toMatchObject({ provider: 'kakao', cache: 'miss' });
    await ageCachedSearch(app, params);
    app.local.sandbox.stats.reset();

    app.local.sandbox.faults.add({ kind: 'http_error', status: 503 });
    const stale = await search(params);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('stale');
    expect(stale.body).toEqual({ ...fresh.body, cache: 'stale' });
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(3); // it did try Kakao first
    await recovers(params);
  });

  it('opens the Kakao breaker after 5 failures, then falls back without calling Kakao', async () => {
    const kakaoSearch = app.local.app.places.providers.policies.get('kakao.search')!;
    expect(kakaoSearch.state).toBe('closed');
    app.local.sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    const seoul = (radius: number) => search({ query: '경복궁', ...SEOUL, radius });

    expect((await seoul(3101)).body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(3);
    expect((await seoul(3102)).body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(5);
    expect(kakaoSearch.state).toBe('open');

    const fast = await seoul(3103);
    expect(fast.status).toBe(200);
    expect(fast.body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(5);
    expect(app.calls(UPSTREAM.googleText)).toBe(3);

    // Still open after Kakao recovers: the half-open trial waits 60 s (see searchService.test.ts).
    app.local.sandbox.faults.clear();
    expect((await seoul(3104)).body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(5);
  });
});

/**
 * Make the cached page of `params` stale as if its 30 minutes had passed: the app's clock is real,
 * so the page is written back with a 1 ms lifetime (it stays in L1, no longer fresh).
 */
async function ageCachedSearch(app: PlacesApp, raw: Record<string, string | number>): Promise<void> {
  const { cache, places } = app.local.app;
  const params = placeSearchParamsSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, String(v)])),
  );
  const key = places.search.keyFor('kakao', params, params.page);
  const cached = await cache.getOrLoad(key, { ttlMs: CACHE_TTL_SECONDS.search * 1000 }, () => {
    throw new Error(`${key} is not cached`);
  });
  expect(cached.cache).toBe('hit');
  await cache.set(key, cached.value, 1);
  await new Promise((resolve) => setTimeout(resolve, 5));
}
