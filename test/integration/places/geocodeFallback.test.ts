import { describe, expect, it, vi } from 'vitest';

import { CACHE_TTL_SECONDS } from '../../../src/shared/cache/cacheKeys.js';
import { UPSTREAM } from './placesApp.js';
import { useSandboxPlaceServices } from './sandboxPlaceServices.js';

const HAEUNDAE = '부산 해운대구 해운대해변로 264';

/**
 * Geocoding under Kakao faults, through the services and policies the composition root wires,
 * against the sandbox over HTTP: a failing Kakao hands over to Google as place search does, an open
 * `kakao.geo` breaker is skipped without calling Kakao, and Kakao's stale answer is served while its
 * breaker is open. Only `Date` is faked (the breaker's half-open delay and the cache's clock).
 */
describe('geocoding falls back from Kakao to Google', () => {
  const { sandbox, services } = useSandboxPlaceServices();

  const calls = (path: string) => sandbox().stats.byPath()[path] ?? 0;
  const geocode = async (address: string) =>
    services().places.geocoding.geocode({ address, language: 'ko', region: 'KR' });

  /** Kakao answers 503 to everything; two geocodes (one call and two retries each, then two) open its breaker. */
  async function openKakaoBreaker(): Promise<void> {
    const before = calls(UPSTREAM.kakaoAddress);
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    expect((await geocode('경복궁'))[0]).toMatchObject({ provider: 'google' });
    expect((await geocode('창덕궁'))[0]).toMatchObject({ provider: 'google' });
    expect(calls(UPSTREAM.kakaoAddress)).toBe(before + 5);
    expect(services().places.providers.policies.get('kakao.geo')!.state).toBe('open');
  }

  it('asks Google when Kakao answers 5xx, and Kakao again once it recovers', async () => {
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    const results = await geocode('경복궁');
    expect(results[0]).toMatchObject({ provider: 'google' });
    expect(calls(UPSTREAM.kakaoAddress)).toBe(3); // one call and two retries
    expect(calls(UPSTREAM.googleText)).toBe(1);

    sandbox().faults.clear();
    expect((await geocode(HAEUNDAE))[0]).toMatchObject({ provider: 'kakao', address: HAEUNDAE });
  });

  it('skips Kakao while its breaker is open', async () => {
    await openKakaoBreaker();
    const google = calls(UPSTREAM.googleText);
    expect((await geocode('덕수궁'))[0]).toMatchObject({ provider: 'google' });
    expect(calls(UPSTREAM.kakaoAddress)).toBe(5);
    expect(calls(UPSTREAM.googleText)).toBe(google + 1);
  });

  it("serves Kakao's stale answer while its breaker is open, without asking Google", async () => {
    const fresh = await geocode(HAEUNDAE);
    expect(fresh[0]).toMatchObject({ provider: 'kakao' });
    vi.advanceTimersByTime(CACHE_TTL_SECONDS.translation * 1000 + 1);

    await openKakaoBreaker();
    const google = calls(UPSTREAM.googleText);
    expect(await geocode(HAEUNDAE)).toStrictEqual(fresh);
    expect(calls(UPSTREAM.kakaoAddress)).toBe(5 + 1);
    expect(calls(UPSTREAM.googleText)).toBe(google);
  });

  it('reverse-geocodes a point in Korea with Google when Kakao fails', async () => {
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    const found = await services().places.geocoding.reverse({ lat: 37.5796, lng: 126.977, language: 'ko' });
    expect(found).toMatchObject({ provider: 'google' });
    expect(calls(UPSTREAM.kakaoRegion)).toBe(3);
  });

  it('answers with the failure when Google fails too', async () => {
    await openKakaoBreaker();
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'google-places' });
    await expect(geocode('종묘')).rejects.toMatchObject({ status: 503, provider: 'google' });
  });
});
