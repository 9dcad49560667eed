import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { RouteLeg } from '../../../src/shared/domain/route.js';
import { AppError } from '../../../src/shared/errors/AppError.js';
import { RouteService } from '../../../src/shared/places/RouteService.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { fakeProviderClients } from '../../unit/places/fakeProviderClients.js';

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
    const { clients } = fakeProviderClients({
      kakaoMobility: { directions: async () => (down ? outage() : { ...kakaoLeg, durationSeconds: 700 }) },
      googleRoutes: { computeRoute: async () => outage() },
    });
    const cache = new TieredCache({
      l1MaxEntries: 100,
      l1TtlMs: 24 * 3600_000,
      metrics: new Metrics(),
      now: () => time,
    });
    const routes = new RouteService(clients, cache);
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
    const { clients, calls } = fakeProviderClients({
      kakaoMobility: {
        directions: async () => (down ? Promise.reject(new AppError('upstream_timeout', 'slow')) : kakaoLeg),
      },
      googleRoutes: { computeRoute: async () => Promise.reject(new AppError('upstream_unavailable', '503')) },
    });
    const routes = new RouteService(
      clients,
      new TieredCache({ l1MaxEntries: 100, l1TtlMs: 300_000, metrics: new Metrics() }),
    );
    const request = { from: FROM, to: TO, mode: 'car' as const };
    expect(await routes.route(request)).toMatchObject({ provider: 'estimate', estimated: true });
    down = false;
    expect(await routes.route(request)).toEqual(kakaoLeg);
    expect(calls['kakaoMobility.directions']).toHaveLength(2);
  });
});
