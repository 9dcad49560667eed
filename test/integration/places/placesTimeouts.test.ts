import { describe, expect, it } from 'vitest';

import type { FaultRuleInput } from '../../../src/local/sandbox/startSandbox.js';
import { expectProblem, type JsonResponse, postJson, query, UPSTREAM, usePlacesApp } from './placesApp.js';

/** Short whole-call budgets keep the timeout tests fast (the default is 2 s for places, 5 s for routes). */
const BUDGET_MS = 300;

describe('places API with upstream timeouts and every fault kind', () => {
  const app = usePlacesApp({
    env: { PLACE_CALL_TIMEOUT_MS: String(BUDGET_MS), ROUTE_CALL_TIMEOUT_MS: String(BUDGET_MS) },
  });

  it('answers 504 upstream_timeout when Google never answers a Tokyo search, within the budget', async () => {
    app.local.sandbox.faults.add({ kind: 'timeout', upstream: 'google-places' });
    const res = await app.request(
      `/api/places/search${query({ query: 'temple', lat: 35.7148, lng: 139.7967 })}`,
    );
    expectProblem(res, 504, 'upstream_timeout');
    expect(res.body.provider).toBe('google');
    expect(res.ms).toBeGreaterThanOrEqual(BUDGET_MS - 20);
    expect(res.ms).toBeLessThan(BUDGET_MS + 700);
  });

  it('answers 504 when the upstream is slower than the whole-call budget', async () => {
    app.local.sandbox.faults.add({ kind: 'latency', ms: 2_000, upstream: 'google-places' });
    const id = `google:${app.local.sandbox.places.find('90040003')!.googleId}`;
    const res = await app.request(`/api/places/${id}`);
    expectProblem(res, 504, 'upstream_timeout');
    expect(res.ms).toBeLessThan(BUDGET_MS + 700);
  });

  it('falls back to Google when Kakao times out in Seoul', async () => {
    app.local.sandbox.faults.add({ kind: 'timeout', upstream: 'kakao-local' });
    const res = await app.request(
      `/api/places/search${query({ query: '경복궁', lat: 37.5796, lng: 126.977 })}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.provider).toBe('google');
    expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);
  });

  it('never answers 500, whatever fault any upstream shows on any operation', async () => {
    // Every terminal fault kind once (a latency past the budget is the test above).
    const faults: FaultRuleInput[] = [
      { kind: 'http_error', status: 503 },
      { kind: 'rate_limit', retryAfterSeconds: 1 },
      { kind: 'timeout' },
      { kind: 'reset' },
      { kind: 'malformed_json' },
      { kind: 'wrong_shape' },
      { kind: 'error_in_200' },
    ];
    const googleIds = app.local.sandbox.places.all().map((p) => p.googleId);
    let n = 0;
    // Each operation family once: Kakao-first search, Google search, details, both route providers,
    // the matrix, and geocoding on each side. Each call gets points (or an id) no earlier call used,
    // so it reaches the upstream, not the cache.
    const operations: Record<string, () => Promise<JsonResponse>> = {
      'search seoul': () =>
        app.request(
          `/api/places/search${query({ query: '경복궁', lat: 37.5796 + ++n / 1e4, lng: 126.977 })}`,
        ),
      'search tokyo': () =>
        app.request(
          `/api/places/search${query({ query: 'temple', lat: 35.7148 + ++n / 1e4, lng: 139.7967 })}`,
        ),
      'details google': () => app.request(`/api/places/google:${googleIds[++n % googleIds.length]}`),
      'route seoul car': () =>
        app.request(
          `/api/routes${query({ from: `${37.5796 + ++n / 1e4},126.977`, to: '37.5512,126.9882', mode: 'car' })}`,
        ),
      'route tokyo': () =>
        app.request(
          `/api/routes${query({ from: `${35.7148 + ++n / 1e4},139.7967`, to: '35.6586,139.7454', mode: 'transit' })}`,
        ),
      'matrix tokyo': () =>
        app.request(
          '/api/routes/matrix',
          postJson({
            origins: [{ lat: 35.7148 + ++n / 1e4, lng: 139.7967 }],
            destinations: [{ lat: 35.6586, lng: 139.7454 }],
          }),
        ),
      'geocode korea': () =>
        app.request(`/api/geocode${query({ address: `서울 종로구 사직로 161 ${++n}` })}`),
      'reverse japan': () =>
        app.request(`/api/reverse-geocode${query({ lat: 35.6586 + ++n / 1e4, lng: 139.7454 })}`),
    };
    // Calls that succeed on the operations (breakers) a faulted call touched: a success resets the
    // consecutive-failure count, so no breaker opens and every fault shows its own mapping.
    const heals: Record<string, string[]> = {
      'search seoul': ['search seoul', 'search tokyo'],
      'route seoul car': ['route seoul car', 'route tokyo'],
      'reverse japan': ['search tokyo'],
    };
    const codes = new Set<string>();
    for (const fault of faults) {
      for (const [name, send] of Object.entries(operations)) {
        app.local.sandbox.faults.add(fault);
        const res = await send();
        const label = `${name} under ${JSON.stringify(fault)}`;
        expect([200, 502, 503, 504], label).toContain(res.status);
        if (res.status !== 200) {
          expect(res.headers.get('content-type'), label).toBe('application/problem+json');
          expect(res.body.code, label).toMatch(/^upstream_/);
          codes.add(`${res.status} ${res.body.code}`);
        }
        app.local.sandbox.faults.clear();
        for (const heal of heals[name] ?? [name]) {
          const healed = await operations[heal]!();
          expect(healed.status, `${heal} after ${label}`).toBe(200);
          expect(healed.body.estimated ?? false, `${heal} after ${label}`).toBe(false);
        }
      }
    }
    expect([...codes].sort()).toEqual([
      '502 upstream_bad_response',
      '503 upstream_quota_exceeded',
      '503 upstream_unavailable',
      '504 upstream_timeout',
    ]);
  });
});
