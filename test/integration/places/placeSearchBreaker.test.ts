import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

import { type RunningSandbox, startSandbox } from '../../../src/local/sandbox/startSandbox.js';
import { placeSearchParamsSchema } from '../../../src/shared/places/placeSearchParams.js';
import { UPSTREAM } from './placesApp.js';
import { type SandboxPlaceServices, sandboxPlaceServices } from './sandboxPlaceServices.js';

/**
 * The Kakao search breaker's whole life through the real search service and policies, against the
 * sandbox over HTTP: 5 failures open it, an open breaker falls back to Google without calling Kakao,
 * and after 60 s one trial call closes it again (or re-opens it). Only `Date` is faked: the breaker
 * reads `Date.now()` for its half-open delay, while sockets and timeouts keep real time.
 */
describe('Kakao search breaker: open → fallback → half-open recovery', () => {
  let sandbox: RunningSandbox;
  let services: SandboxPlaceServices;
  let radius = 6000;

  const kakaoCalls = () => sandbox.stats.byPath()[UPSTREAM.kakaoKeyword] ?? 0;
  /** A Seoul search no earlier search made, so the answer always comes from a provider. */
  const searchSeoul = async () =>
    services.places.search.search(
      placeSearchParamsSchema.parse({
        query: '경복궁',
        lat: '37.5796',
        lng: '126.977',
        radius: String(++radius),
      }),
    );

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-11T02:00:00Z'));
    sandbox.faults.clear();
    sandbox.stats.reset();
    services = await sandboxPlaceServices(sandbox);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await services.close();
  });

  /** Kakao answers 503 to everything until the breaker opens (3 calls, then 2: one call and two retries each). */
  async function openKakaoBreaker(): Promise<void> {
    sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'kakao-local' });
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(3);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(5);
    expect(services.places.providers.policies.get('kakao.search')!.state).toBe('open');
  }

  it('falls back without calling Kakao while open, and closes after a successful trial 60 s later', async () => {
    await openKakaoBreaker();
    const fast = await searchSeoul();
    expect(fast).toMatchObject({ provider: 'google', cache: 'miss' });
    expect(kakaoCalls()).toBe(5);

    sandbox.faults.clear();
    vi.advanceTimersByTime(59_000);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(5);

    vi.advanceTimersByTime(1_001);
    const trial = await searchSeoul();
    expect(trial.provider).toBe('kakao');
    expect(kakaoCalls()).toBe(6);
    expect(services.places.providers.policies.get('kakao.search')!.state).toBe('closed');
    expect((await searchSeoul()).provider).toBe('kakao');
  });

  it('re-opens when the half-open trial fails, for another 60 s', async () => {
    await openKakaoBreaker();
    vi.advanceTimersByTime(60_001);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(6); // one trial, not retried
    expect(services.places.providers.policies.get('kakao.search')!.state).toBe('open');

    sandbox.faults.clear();
    vi.advanceTimersByTime(30_000);
    expect((await searchSeoul()).provider).toBe('google');
    expect(kakaoCalls()).toBe(6);
    vi.advanceTimersByTime(30_001);
    expect((await searchSeoul()).provider).toBe('kakao');
  });

  it('answers 503 when the breaker is open and Google fails too', async () => {
    await openKakaoBreaker();
    sandbox.faults.add({ kind: 'http_error', status: 503, upstream: 'google-places' });
    await expect(searchSeoul()).rejects.toMatchObject({ status: 503, provider: 'google' });
    expect(kakaoCalls()).toBe(5);
  });
});
