import { afterAll, describe, expect } from 'vitest';

import type { AppContext } from '../../../src/shared/app/AppContext.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import { itWithRedis, redisUrl } from '../../support/redisTest.js';
import { sandboxEnv } from '../../support/sandboxEnv.js';
import { testApp } from '../../support/testApp.js';
import { query, UPSTREAM, usePlacesApp } from './placesApp.js';

/**
 * Two app instances sharing Redis, as two Function App instances share Azure Cache for Redis: what
 * one fetched is an L2 hit for the other, with no upstream call.
 */
describe('places cache shared through Redis (L2)', () => {
  const app = usePlacesApp({ withRedis: true });
  let second: AppContext | undefined;

  afterAll(async () => {
    await second?.close();
  });

  /** Another AppContext on the same sandbox and the same Redis as the local app. */
  async function secondInstance(): Promise<AppContext> {
    const { sandbox } = app.local;
    second ??= (
      await testApp({
        REDIS_URL: redisUrl(),
        ...sandboxEnv(sandbox),
      })
    ).app;
    return second;
  }

  itWithRedis('serves a search cached by one instance as an L2 hit to another', async () => {
    // A point no other test file searches, so the first answer really is a miss in the shared Redis.
    const raw = { query: '경복궁', lat: '37.57963', lng: '126.97702' };
    const first = await app.request(`/api/places/search${query(raw)}`);
    expect(first.body).toMatchObject({ provider: 'kakao', cache: 'miss' });
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);

    const other = await secondInstance();
    expect(other.redis).toBeDefined();
    const params = placeSearchParamsSchema.parse(raw);
    const result = await other.places.search.search(params);
    expect(other.metrics.count('cache.hit.l2')).toBe(1);
    expect(other.metrics.count('upstream.calls')).toBe(0);
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);
    // The HTTP answer is that cached page shown in the request's language (the localizer's output).
    const shown = (await other.localizer.localize(result.places, params.language)).value;
    expect({ ...result, places: shown }).toEqual({ ...first.body, cache: 'hit' });
  });

  itWithRedis('serves Kakao place details remembered by one instance to another', async () => {
    await app.request(
      `/api/places/search${query({ query: 'N서울타워', lat: '37.55121', lng: '126.98822' })}`,
    );
    const other = await secondInstance();
    const { place, cache } = await other.places.details.get('kakao:90010023', 'ko');
    expect(cache).toBe('hit');
    expect(place).toMatchObject({ id: 'kakao:90010023', openingHours: { source: 'google' } });
  });
});
