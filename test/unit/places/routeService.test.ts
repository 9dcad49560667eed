import { describe, expect, it } from 'vitest';

import type { LatLng } from '../../../src/shared/domain/place.js';
import type { MatrixCell, RouteLeg, TravelMode } from '../../../src/shared/domain/route.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { RouteService } from '../../../src/shared/places/RouteService.js';
import { estimateLeg } from '../../../src/shared/places/travelEstimate.js';
import { googleNoDirectionsError } from '../../../src/shared/providers/google/googleNoDirections.js';
import { callCount, fakeProviders, type FakeUpstreams } from './fakeProviders.js';

const GYEONGBOKGUNG = { lat: 37.5796, lng: 126.977 };
const N_SEOUL_TOWER = { lat: 37.5512, lng: 126.9882 };
const SENSOJI = { lat: 35.7148, lng: 139.7967 };
const TOKYO_TOWER = { lat: 35.6586, lng: 139.7454 };

const leg = (provider: 'kakao' | 'google', mode: TravelMode = 'car'): RouteLeg => ({
  distanceMeters: 4_500,
  durationSeconds: 600,
  mode,
  provider,
  estimated: false,
});
const cell: MatrixCell = { distanceMeters: 1_000, durationSeconds: 100, estimated: false };

function routes(fakes: Readonly<FakeUpstreams>) {
  const { providers, calls, cache } = fakeProviders(fakes);
  return { routes: new RouteService({ routes: providers.routes, matrix: providers.matrix, cache }), calls };
}

describe('RouteService.route', () => {
  it('routes a car in Korea with Kakao Mobility only', async () => {
    const { routes: service, calls } = routes({ kakaoMobility: { directions: async () => leg('kakao') } });
    expect(await service.route({ from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'car' })).toEqual(
      leg('kakao'),
    );
    expect(callCount(calls, 'googleRoutes.computeRoute')).toBe(0);
  });

  it('estimates when Kakao says there is no route, without asking Google', async () => {
    const { routes: service, calls } = routes({
      kakaoMobility: { directions: async () => Promise.reject(new AppError('no_route', 'result_code 104')) },
    });
    expect(await service.route({ from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'car' })).toEqual(
      estimateLeg(GYEONGBOKGUNG, N_SEOUL_TOWER, 'car'),
    );
    expect(callCount(calls, 'googleRoutes.computeRoute')).toBe(0);
  });

  it('after Kakao fails transiently, learns that Google has no Korean directions and stops asking it', async () => {
    const { routes: service, calls } = routes({
      kakaoMobility: { directions: async () => Promise.reject(new AppError('upstream_unavailable', '503')) },
      googleRoutes: { computeRoute: async () => Promise.reject(googleNoDirectionsError('routes')) },
    });
    const first = await service.route({ from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'car' });
    expect(first).toMatchObject({ provider: 'estimate', estimated: true });
    const second = await service.route({ from: N_SEOUL_TOWER, to: GYEONGBOKGUNG, mode: 'car' });
    expect(second).toMatchObject({ provider: 'estimate', estimated: true });
    expect(callCount(calls, 'kakaoMobility.directions')).toBe(2);
    expect(callCount(calls, 'googleRoutes.computeRoute')).toBe(1);
  });

  it('asks Google for walking in Korea until it answers no directions once', async () => {
    const { routes: service, calls } = routes({
      googleRoutes: { computeRoute: async () => Promise.reject(googleNoDirectionsError('routes')) },
    });
    await service.route({ from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'walk' });
    await service.route({ from: N_SEOUL_TOWER, to: GYEONGBOKGUNG, mode: 'walk' });
    expect(callCount(calls, 'googleRoutes.computeRoute')).toBe(1);
    expect(callCount(calls, 'kakaoMobility.directions')).toBe(0); // Kakao Mobility is car only
  });

  it('uses Google outside Korea, and passes the departure time', async () => {
    const { routes: service, calls } = routes({
      googleRoutes: { computeRoute: async () => leg('google', 'transit') },
    });
    const departAt = '2030-01-01T09:00:00+09:00';
    expect(await service.route({ from: SENSOJI, to: TOKYO_TOWER, mode: 'transit', departAt })).toEqual(
      leg('google', 'transit'),
    );
    expect(calls['googleRoutes.computeRoute']![0]![0]).toEqual({
      origin: SENSOJI,
      destination: TOKYO_TOWER,
      mode: 'transit',
      departAt,
    });
  });

  it('estimates on a transient Google failure, but surfaces a permanent one', async () => {
    const flaky = routes({
      googleRoutes: { computeRoute: async () => Promise.reject(new AppError('upstream_timeout', 'slow')) },
    });
    expect(await flaky.routes.route({ from: SENSOJI, to: TOKYO_TOWER, mode: 'car' })).toMatchObject({
      estimated: true,
    });

    const rejected = new AppError('upstream_rejected', 'bad key', { provider: 'google' });
    const broken = routes({ googleRoutes: { computeRoute: async () => Promise.reject(rejected) } });
    await expect(broken.routes.route({ from: SENSOJI, to: TOKYO_TOWER, mode: 'car' })).rejects.toBe(rejected);
  });

  it('estimates without any call when no provider is configured', async () => {
    const { routes: service, calls } = routes({ kakaoEnabled: false, googleEnabled: false });
    expect(await service.route({ from: GYEONGBOKGUNG, to: N_SEOUL_TOWER, mode: 'car' })).toMatchObject({
      provider: 'estimate',
    });
    expect(calls).toEqual({});
  });
});

describe('RouteService.matrix', () => {
  const points = (n: number, base: LatLng) =>
    Array.from({ length: n }, (_, i) => ({ lat: base.lat + i / 1000, lng: base.lng }));
  const fullMatrix = async (request: { origins: LatLng[]; destinations: LatLng[] }) => ({
    rows: request.origins.map(() => request.destinations.map(() => cell)),
  });

  it('answers 25 × 25 car cells in one Google call', async () => {
    const { routes: service, calls } = routes({ googleRoutes: { computeRouteMatrix: fullMatrix } });
    const rows = await service.matrix({
      origins: points(25, SENSOJI),
      destinations: points(25, TOKYO_TOWER),
      mode: 'car',
    });
    expect(rows).toHaveLength(25);
    expect(rows.every((row) => row.length === 25 && row.every((c) => c === cell))).toBe(true);
    expect(callCount(calls, 'googleRoutes.computeRouteMatrix')).toBe(1);
  });

  it('splits transit into blocks within Google’s 100-element limit, never single routes', async () => {
    const { routes: service, calls } = routes({ googleRoutes: { computeRouteMatrix: fullMatrix } });
    const rows = await service.matrix({
      origins: points(25, SENSOJI),
      destinations: points(25, TOKYO_TOWER),
      mode: 'transit',
    });
    expect(rows.flat()).toHaveLength(625);
    const blocks = calls['googleRoutes.computeRouteMatrix']!.map(
      ([request]) => request as { origins: LatLng[]; destinations: LatLng[] },
    );
    expect(blocks).toHaveLength(7); // 4 origins × 25 destinations per block
    for (const block of blocks)
      expect(block.origins.length * block.destinations.length).toBeLessThanOrEqual(100);
    expect(callCount(calls, 'googleRoutes.computeRoute')).toBe(0);
  });

  it('estimates the cells Google leaves empty, and whole blocks that fail transiently', async () => {
    const partial = routes({ googleRoutes: { computeRouteMatrix: async () => ({ rows: [[cell, null]] }) } });
    const rows = await partial.routes.matrix({
      origins: [SENSOJI],
      destinations: [TOKYO_TOWER, SENSOJI],
      mode: 'car',
    });
    expect(rows).toEqual([[cell, { distanceMeters: 0, durationSeconds: 0, estimated: true }]]);

    const down = routes({
      googleRoutes: {
        computeRouteMatrix: async () => Promise.reject(new AppError('upstream_unavailable', '503')),
      },
    });
    const estimated = await down.routes.matrix({
      origins: [SENSOJI],
      destinations: [TOKYO_TOWER],
      mode: 'car',
    });
    expect(estimated[0]![0]).toMatchObject({
      estimated: true,
      distanceMeters: estimateLeg(SENSOJI, TOKYO_TOWER, 'car').distanceMeters,
    });
  });

  it('learns from an all-empty Korean matrix and then estimates Korea without calling Google', async () => {
    const { routes: service, calls } = routes({
      googleRoutes: { computeRouteMatrix: async () => ({ rows: [[null]] }) },
    });
    await service.matrix({ origins: [GYEONGBOKGUNG], destinations: [N_SEOUL_TOWER], mode: 'walk' });
    const again = await service.matrix({
      origins: [N_SEOUL_TOWER],
      destinations: [GYEONGBOKGUNG],
      mode: 'walk',
    });
    expect(again[0]![0]!.estimated).toBe(true);
    expect(callCount(calls, 'googleRoutes.computeRouteMatrix')).toBe(1);
  });
});
