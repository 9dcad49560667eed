import { describe, expect, it } from 'vitest';

import type { FaultRuleInput } from '../../../src/local/sandbox/startSandbox.js';
import { isAppError } from '../../../src/shared/errors/AppError.js';
import { GooglePlacesClient } from '../../../src/shared/providers/google/GooglePlacesClient.js';
import { KakaoLocalClient } from '../../../src/shared/providers/kakao/KakaoLocalClient.js';
import { catchRejection } from '../../unit/providers/catchError.js';
import { PLACES, type SandboxClients, useSandbox } from './useSandbox.js';

const t = useSandbox();
const { gyeongbokgung, nSeoulTower, sensoji, tokyoTower } = PLACES;

type Call = (c: SandboxClients) => Promise<unknown>;
const kakaoSearch: Call = async (c) => c.kakaoLocal.searchKeyword({ query: '경복궁' });
const kakaoRoute: Call = async (c) =>
  c.kakaoMobility.directions({ origin: gyeongbokgung.location, destination: nSeoulTower.location });
const googleSearch: Call = async (c) => c.googlePlaces.searchText({ textQuery: 'museum' });
const googleRoute: Call = async (c) =>
  c.googleRoutes.computeRoute({
    origin: sensoji.location,
    destination: tokyoTower.location,
    mode: 'car',
  });
const googleMatrix: Call = async (c) =>
  c.googleRoutes.computeRouteMatrix({
    origins: [sensoji.location],
    destinations: [tokyoTower.location],
    mode: 'car',
  });

/** [name, fault, call, expected AppError fields] */
const FAULT_TABLE: Array<[string, FaultRuleInput, Call, Record<string, unknown>]> = [
  [
    'Kakao 503',
    { kind: 'http_error', status: 503 },
    kakaoSearch,
    { code: 'upstream_unavailable', transient: true, provider: 'kakao' },
  ],
  [
    'Google 500',
    { kind: 'http_error', status: 500 },
    googleSearch,
    { code: 'upstream_unavailable', transient: true, provider: 'google' },
  ],
  [
    'Kakao 429 + Retry-After',
    { kind: 'rate_limit', retryAfterSeconds: 7 },
    kakaoSearch,
    { code: 'upstream_quota_exceeded', transient: true, retryAfterSeconds: 7 },
  ],
  [
    'Kakao Mobility -10 as 400',
    { kind: 'rate_limit', status: 400 },
    kakaoRoute,
    { code: 'upstream_quota_exceeded', provider: 'kakao' },
  ],
  [
    'Google 429 + RetryInfo',
    { kind: 'rate_limit', retryAfterSeconds: 3 },
    googleSearch,
    { code: 'upstream_quota_exceeded', retryAfterSeconds: 3, provider: 'google' },
  ],
  [
    'Kakao reset',
    { kind: 'reset' },
    kakaoSearch,
    { code: 'upstream_unavailable', transient: true, provider: 'kakao' },
  ],
  ['Google reset', { kind: 'reset' }, googleRoute, { code: 'upstream_unavailable', provider: 'google' }],
  [
    'Kakao malformed JSON',
    { kind: 'malformed_json' },
    kakaoSearch,
    { code: 'upstream_bad_response', detail: 'malformed JSON' },
  ],
  [
    'Google malformed JSON',
    { kind: 'malformed_json' },
    googleMatrix,
    { code: 'upstream_bad_response', provider: 'google' },
  ],
  [
    'Kakao wrong shape',
    { kind: 'wrong_shape' },
    kakaoSearch,
    { code: 'upstream_bad_response', transient: true },
  ],
  [
    'Kakao Mobility wrong shape',
    { kind: 'wrong_shape' },
    kakaoRoute,
    { code: 'upstream_bad_response', detail: 'unexpected response shape at routes' },
  ],
  [
    'Google wrong shape',
    { kind: 'wrong_shape' },
    googleSearch,
    { code: 'upstream_bad_response', provider: 'google' },
  ],
  ['Google routes wrong shape', { kind: 'wrong_shape' }, googleRoute, { code: 'upstream_bad_response' }],
  [
    'Kakao directions result_code 103 in HTTP 200',
    { kind: 'error_in_200', resultCode: 103 },
    kakaoRoute,
    { code: 'no_route', detail: 'kakao-result-code-103' },
  ],
  [
    'Google routes {} in HTTP 200',
    { kind: 'error_in_200' },
    googleRoute,
    { code: 'no_route', detail: 'google-no-directions' },
  ],
  [
    'Google matrix [] in HTTP 200',
    { kind: 'error_in_200' },
    googleMatrix,
    { code: 'no_route', detail: 'google-no-directions' },
  ],
];

describe('fault injection → AppError', () => {
  it.each(FAULT_TABLE)('%s', async (_name, fault, call, expected) => {
    t.sandbox.faults.add(fault);

    const error = await catchRejection(call(t));

    expect(isAppError(error)).toBe(true);
    expect(error).toMatchObject(expected);
  });

  it('times out a request the upstream never answers, within the client timeout', async () => {
    t.sandbox.faults.add({ kind: 'timeout', upstream: 'kakao-local' });
    const client = new KakaoLocalClient(t.options({ timeoutMs: 150 }));

    const started = Date.now();
    const error = await catchRejection(client.searchKeyword({ query: '경복궁' }));

    expect(error).toMatchObject({ code: 'upstream_timeout', transient: true, provider: 'kakao' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('delays answers by the injected latency, timing out when it exceeds the budget', async () => {
    t.sandbox.faults.add({ kind: 'latency', ms: 120, upstream: 'google-places' });
    const patient = new GooglePlacesClient(t.options({ timeoutMs: 1_000 }, 'google'));
    const hasty = new GooglePlacesClient(t.options({ timeoutMs: 50 }, 'google'));

    const started = Date.now();
    const page = await patient.searchText({ textQuery: 'museum' });
    const elapsed = Date.now() - started;
    const error = await catchRejection(hasty.searchText({ textQuery: 'museum' }));

    expect(page.places.length).toBeGreaterThan(0);
    expect(elapsed).toBeGreaterThanOrEqual(110);
    expect(error).toMatchObject({ code: 'upstream_timeout', provider: 'google' });
  });

  it('turns Google places {} in HTTP 200 into an empty page, not an error', async () => {
    t.sandbox.faults.add({ kind: 'error_in_200', upstream: 'google-places' });

    expect(await t.googlePlaces.searchText({ textQuery: 'museum' })).toStrictEqual({ places: [] });
  });
});

describe('fault scope and selection', () => {
  it('applies only to its upstream and path prefix', async () => {
    t.sandbox.faults.add({ kind: 'http_error', upstream: 'google-places' });
    t.sandbox.faults.add({ kind: 'http_error', pathPrefix: '/v2/local/search/category.json' });

    await expect(kakaoSearch(t)).resolves.toBeDefined();
    await expect(googleRoute(t)).resolves.toBeDefined();
    expect(await catchRejection(googleSearch(t))).toMatchObject({ code: 'upstream_unavailable' });
    expect(
      await catchRejection(
        t.kakaoLocal.searchCategory({ categoryGroupCode: 'CE7', center: gyeongbokgung.location }),
      ),
    ).toMatchObject({ code: 'upstream_unavailable' });
  });

  it('limits a fault to the next N requests', async () => {
    t.sandbox.faults.add({ kind: 'http_error', times: 2 });

    const outcomes = [];
    for (let i = 0; i < 4; i += 1)
      outcomes.push(
        await kakaoSearch(t).then(
          () => 'ok',
          (e: unknown) => (e as { code: string }).code,
        ),
      );

    expect(outcomes).toStrictEqual(['upstream_unavailable', 'upstream_unavailable', 'ok', 'ok']);
    expect(t.sandbox.faults.list()).toStrictEqual([]);
  });

  it('fails every Nth request for a deterministic error rate', async () => {
    t.sandbox.faults.add({ kind: 'http_error', everyNth: 3 });

    const outcomes = [];
    for (let i = 0; i < 6; i += 1)
      outcomes.push(
        await kakaoSearch(t).then(
          () => 'ok',
          () => 'fail',
        ),
      );

    expect(outcomes).toStrictEqual(['ok', 'ok', 'fail', 'ok', 'ok', 'fail']);
  });

  it('fails the same requests on every run with a seeded probability', async () => {
    const run = async () => {
      t.sandbox.faults.clear();
      t.sandbox.faults.add({ kind: 'http_error', probability: 0.5, seed: 42 });
      const outcomes: string[] = [];
      for (let i = 0; i < 12; i += 1)
        outcomes.push(
          await kakaoSearch(t).then(
            () => 'ok',
            () => 'fail',
          ),
        );
      return outcomes;
    };

    const first = await run();
    const second = await run();

    expect(second).toStrictEqual(first);
    expect(first).toContain('ok');
    expect(first).toContain('fail');
  });
});

describe('cancellation', () => {
  it('rejects with the caller’s abort reason, fast, and not as a provider failure', async () => {
    t.sandbox.faults.add({ kind: 'latency', ms: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);

    const started = Date.now();
    const error = await catchRejection(
      t.kakaoLocal.searchKeyword({ query: '경복궁' }, { signal: controller.signal }),
    );

    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(isAppError(error)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not call the upstream with an already aborted signal', async () => {
    const error = await catchRejection(
      t.googlePlaces.searchText({ textQuery: 'museum' }, { signal: AbortSignal.abort(new Error('gave up')) }),
    );

    expect(error).toMatchObject({ message: 'gave up' });
    expect(t.sandbox.stats.requests()).toBe(0);
  });
});
