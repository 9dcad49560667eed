import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { RouteLeg } from '../../../src/shared/domain/route.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { RouteService } from '../../../src/shared/places/RouteService.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { callCount, fakeProviders } from '../../unit/places/fakeProviders.js';

const FROM = { lat: 37.5796, lng: 126.977 };
const TO = { lat: 37.5512, lng: 126.9882 };
const kakaoLeg: RouteLeg = {
  distanceMeters: 4_500,
  durationSeconds: 600,
  mode: 'car',
  provider: 'kakao',
  estimated: false,
};

describe('stale, not invented: a provider outage never replaces a cached provider leg with an estimate', () => {
  it('serves the stale provider leg during the outage, and the fresh one after it', async () => {
    let down = false;
    let time = 1_000_000;
    const outage = () => Promise.reject(new AppError('upstream_unavailable', '503'));
    const { providers } = fakeProviders({
      kakaoMobility: { directions: async () => (down ? outage() : { ...kakaoLeg, durationSeconds: 700 }) },
      googleRoutes: { computeRoute: async () => outage() },
    });
    const cache = new TieredCache({
      l1MaxEntries: 100,
      l1TtlMs: 24 * 3600_000,
      metrics: new Metrics(),
      now: () => time,
    });
    const routes = new RouteService({ routes: providers.routes, matrix: providers.matrix, cache });
    const request = { from: FROM, to: TO, mode: 'car' as const };

    expect(await routes.route(request)).toMatchObject({ provider: 'kakao', estimated: false });
    time += 5 * 3600_000; // past the 4 h route TTL
    down = true;
    expect(await routes.route(request)).toMatchObject({ provider: 'kakao', estimated: false });
    expect(await routes.route(request)).toMatchObject({ provider: 'kakao', estimated: false });
    down = false;
    expect(await routes.route(request)).toMatchObject({ provider: 'kakao', durationSeconds: 700 });
  });

  it('estimates when nothing was cached, but does not keep the estimate in place of the provider', async () => {
    let down = true;
    const { providers, calls } = fakeProviders({
      kakaoMobility: {
        directions: async () => (down ? Promise.reject(new AppError('upstream_timeout', 'slow')) : kakaoLeg),
      },
      googleRoutes: { computeRoute: async () => Promise.reject(new AppError('upstream_unavailable', '503')) },
    });
    const routes = new RouteService({
      routes: providers.routes,
      matrix: providers.matrix,
      cache: new TieredCache({ l1MaxEntries: 100, l1TtlMs: 300_000, metrics: new Metrics() }),
    });
    const request = { from: FROM, to: TO, mode: 'car' as const };
    expect(await routes.route(request)).toMatchObject({ provider: 'estimate', estimated: true });
    down = false;
    expect(await routes.route(request)).toEqual(kakaoLeg);
    expect(callCount(calls, 'kakaoMobility.directions')).toBe(2);
  });
});

describe('stale, not invented: the matrix', () => {
  const TOKYO = [
    { lat: 35.7148, lng: 139.7967 },
    { lat: 35.6586, lng: 139.7454 },
  ];
  const provided = { distanceMeters: 7_000, durationSeconds: 900, estimated: false };

  it('serves the stale provider matrix during an outage, and estimates (not kept) only without one', async () => {
    let down = false;
    let time = 1_000_000;
    const { providers, calls } = fakeProviders({
      googleRoutes: {
        computeRouteMatrix: async (request) =>
          down
            ? Promise.reject(new AppError('upstream_unavailable', '503'))
            : { rows: request.origins.map(() => request.destinations.map(() => provided)) },
      },
    });
    const cache = new TieredCache({
      l1MaxEntries: 100,
      l1TtlMs: 24 * 3600_000,
      metrics: new Metrics(),
      now: () => time,
    });
    const routes = new RouteService({ routes: providers.routes, matrix: providers.matrix, cache });
    const request = { origins: TOKYO, destinations: TOKYO, mode: 'car' as const };

    expect((await routes.matrix(request))[0]![1]).toEqual(provided);
    time += 5 * 3600_000; // past the 4 h TTL, within the stale window
    down = true;
    expect((await routes.matrix(request))[0]![1]).toEqual(provided);

    const other = { origins: [TOKYO[0]!], destinations: [TOKYO[1]!], mode: 'walk' as const };
    expect((await routes.matrix(other))[0]![0]).toMatchObject({ estimated: true });
    down = false;
    expect((await routes.matrix(other))[0]![0]).toEqual(provided);
    expect(callCount(calls, 'googleRoutes.computeRouteMatrix')).toBe(4);
  });
});
