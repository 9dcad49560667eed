import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { isGoogleNoDirections } from '../../../src/shared/providers/google/googleNoDirections.js';
import { catchRejection } from '../../unit/providers/catchError.js';
import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();
const { sensoji, tokyoTower, tokyoSkytree, gyeongbokgung, nSeoulTower } = PLACES;

describe('GoogleRoutesClient against the sandbox', () => {
  it('computes legs in Tokyo for every mode, walking slowest', async () => {
    const legs = await Promise.all(
      (['car', 'walk', 'bicycle', 'transit'] as const).map(async (mode) =>
        t.googleRoutes.computeRoute({
          origin: sensoji.location,
          destination: tokyoTower.location,
          mode,
        }),
      ),
    );

    const straight = haversineMeters(sensoji.location, tokyoTower.location);
    for (const leg of legs) {
      expect(leg).toMatchObject({ provider: 'google', estimated: false });
      expect(leg.distanceMeters).toBeGreaterThan(straight);
    }
    const [car, walk, bicycle] = legs.map((leg) => leg.durationSeconds);
    expect(walk).toBeGreaterThan(bicycle!);
    expect(bicycle).toBeGreaterThan(car!);
  });

  it('has no driving or walking directions in Korea (detectable), but has transit', async () => {
    const car = await catchRejection(
      t.googleRoutes.computeRoute({
        origin: gyeongbokgung.location,
        destination: nSeoulTower.location,
        mode: 'car',
      }),
    );
    const walk = await catchRejection(
      t.googleRoutes.computeRoute({
        origin: gyeongbokgung.location,
        destination: nSeoulTower.location,
        mode: 'walk',
      }),
    );
    const transit = await t.googleRoutes.computeRoute({
      origin: gyeongbokgung.location,
      destination: nSeoulTower.location,
      mode: 'transit',
    });

    expect(isGoogleNoDirections(car)).toBe(true);
    expect(isGoogleNoDirections(walk)).toBe(true);
    expect(transit).toMatchObject({ mode: 'transit', provider: 'google' });
  });

  it('returns a matrix by origin and destination index, zero on the diagonal', async () => {
    const points = [sensoji.location, tokyoTower.location, tokyoSkytree.location];

    const { rows } = await t.googleRoutes.computeRouteMatrix({
      origins: points.slice(0, 2),
      destinations: points,
      mode: 'car',
    });

    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.length === 3)).toBe(true);
    expect(rows[0]![0]).toStrictEqual({ distanceMeters: 0, durationSeconds: 0, estimated: false });
    expect(rows[1]![1]).toStrictEqual({ distanceMeters: 0, durationSeconds: 0, estimated: false });
    const single = await t.googleRoutes.computeRoute({
      origin: sensoji.location,
      destination: tokyoSkytree.location,
      mode: 'car',
    });
    expect(rows[0]![2]).toStrictEqual({
      distanceMeters: single.distanceMeters,
      durationSeconds: single.durationSeconds,
      estimated: false,
    });
  });

  it('leaves pairs touching Korea null and reports an all-Korean matrix as google-no-directions', async () => {
    const mixed = await t.googleRoutes.computeRouteMatrix({
      origins: [sensoji.location],
      destinations: [tokyoTower.location, gyeongbokgung.location],
      mode: 'walk',
    });
    const korean = await catchRejection(
      t.googleRoutes.computeRouteMatrix({
        origins: [gyeongbokgung.location],
        destinations: [nSeoulTower.location],
        mode: 'car',
      }),
    );

    expect(mixed.rows[0]![0]).not.toBeNull();
    expect(mixed.rows[0]![1]).toBeNull();
    expect(isGoogleNoDirections(korean)).toBe(true);
  });

  it('refuses a matrix over 625 elements before calling Google', async () => {
    const many = Array.from({ length: 26 }, () => sensoji.location);

    const error = await catchRejection(
      t.googleRoutes.computeRouteMatrix({ origins: many, destinations: many, mode: 'car' }),
    );

    expect(error).toMatchObject({ code: 'validation_failed' });
    expect(t.sandbox.stats.requests()).toBe(0);
  });
});
