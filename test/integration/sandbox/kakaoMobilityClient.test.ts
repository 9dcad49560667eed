import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { catchRejection } from '../../unit/providers/catchError.js';
import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();

describe('KakaoMobilityClient against the sandbox', () => {
  it('returns a car leg longer than the straight line, at a city driving pace', async () => {
    const origin = PLACES.gyeongbokgung.location;
    const destination = PLACES.nSeoulTower.location;

    const leg = await t.kakaoMobility.directions({ origin, destination });

    const straight = haversineMeters(origin, destination);
    expect(leg).toMatchObject({ mode: 'car', provider: 'kakao', estimated: false });
    expect(leg.distanceMeters).toBeGreaterThan(straight);
    expect(leg.distanceMeters).toBeLessThan(straight * 1.6);
    const kmh = leg.distanceMeters / 1000 / (leg.durationSeconds / 3600);
    expect(kmh).toBeGreaterThan(15);
    expect(kmh).toBeLessThan(40);
  });

  it('adds waypoints to the route', async () => {
    const origin = PLACES.gyeongbokgung.location;
    const destination = PLACES.nSeoulTower.location;
    const direct = await t.kakaoMobility.directions({ origin, destination });

    const viaHaeundae = await t.kakaoMobility.directions({
      origin,
      destination,
      waypoints: [PLACES.haeundae.location],
    });

    expect(viaHaeundae.distanceMeters).toBeGreaterThan(direct.distanceMeters + 500_000);
  });

  it('reports Kakao’s HTTP 200 "no route" codes as no_route: same point 104, origin abroad 102', async () => {
    const here = PLACES.gyeongbokgung.location;

    const samePoint = await catchRejection(t.kakaoMobility.directions({ origin: here, destination: here }));
    const fromTokyo = await catchRejection(
      t.kakaoMobility.directions({ origin: PLACES.tokyoTower.location, destination: here }),
    );

    expect(samePoint).toMatchObject({
      code: 'no_route',
      provider: 'kakao',
      detail: 'kakao-result-code-104',
      transient: false,
    });
    expect(fromTokyo).toMatchObject({ code: 'no_route', detail: 'kakao-result-code-102' });
  });
});
