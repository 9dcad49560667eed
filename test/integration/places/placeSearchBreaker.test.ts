import { describe, expect, it, vi } from 'vitest';

import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import { UPSTREAM } from './placesApp.js';
import { useSandboxPlaceServices } from './sandboxPlaceServices.js';

/**
 * The Kakao search breaker's whole life through the real search service and policies, against the
 * sandbox over HTTP: 5 failures open it, an open breaker falls back to Google without calling Kakao,
 * and within a second one trial call closes it again (or re-opens it for a longer wait: 1–2 s, the
 * waits being jittered to 50–100 % of 1 s, 2 s, 4 s). Only `Date` is faked: the breaker
 * reads `Date.now()` for its half-open delay, while sockets and timeouts keep real time.
 */
describe('Kakao search breaker: open → fallback → half-open recovery', () => {
  const { sandbox, services } = useSandboxPlaceServices();
  let radius = 6000;

  const kakaoCalls = () => sandbox().stats.byPath()[UPSTREAM.kakaoKeyword] ?? 0;
  /** A Seoul search no earlier search made, so the answer always comes from a provider. */
  const searchSeoul = async () =>
    services().places.search.search(
      placeSearchParamsSchema.parse({
        query: '경복궁',
        lat: '37.5796',
        lng: '126.977',
        radius: String(++radius),
      }),
    );

  /** Kakao answers 503 to everything until the breaker opens (3 calls, then 2: one call and two retries each). */
  async function openKakaoBreaker(): Promise<void> {
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(3);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(5);
    expect(services().places.providers.policies.get('kakao.search')!.state).toBe('open');
  }

  it('falls back without calling Kakao while open, and closes after a successful trial within 1 s', async () => {
    await openKakaoBreaker();
    const fast = await searchSeoul();
    expect(fast).toMatchObject({ provider: 'google', cache: 'miss' });
    expect(kakaoCalls()).toBe(5);

    sandbox().faults.clear();
    vi.advanceTimersByTime(499);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(5);

    vi.advanceTimersByTime(502);
    const trial = await searchSeoul();
    expect(trial.provider).toBe('kakao');
    expect(kakaoCalls()).toBe(6);
    expect(services().places.providers.policies.get('kakao.search')!.state).toBe('closed');
    expect((await searchSeoul()).provider).toBe('kakao');
  });

  it('re-opens when the half-open trial fails, for a longer wait', async () => {
    await openKakaoBreaker();
    vi.advanceTimersByTime(1_001);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(6); // one trial, not retried
    expect(services().places.providers.policies.get('kakao.search')!.state).toBe('open');

    sandbox().faults.clear();
    vi.advanceTimersByTime(999);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(6);
    vi.advanceTimersByTime(1_002);
    expect((await searchSeoul()).provider).toBe('kakao');
  });

  it('answers 503 when the breaker is open and Google fails too', async () => {
    await openKakaoBreaker();
    sandbox().faults.add({ kind: 'http_error', status: 503, upstream: 'google-places' });
    await expect(searchSeoul()).rejects.toMatchObject({ status: 503, provider: 'google' });
    expect(kakaoCalls()).toBe(5);
  });
});
