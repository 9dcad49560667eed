import { describe, expect, it } from 'vitest';

import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { ANY_DAY, splitDays } from '../../../src/shared/planner/splitDays.js';
import { TravelModel } from '../../../src/shared/planner/TravelModel.js';
import { ADULT, HOTEL, offset } from '../../fixtures/planner/planFixtures.js';

describe('splitDays', () => {
  const open = [true, true];

  it('gives an eastern and a western cluster different days, and nearby places to any day', () => {
    const east = [offset(3000, 100), offset(3200, -200), offset(2900, 300)];
    const west = [offset(-3000, 0), offset(-3100, 250), offset(-2800, -300)];
    const near = offset(100, 100);
    const candidates = [...east, ...west, near].map((location) => ({ location, score: 10, openOn: open }));
    const home = splitDays(HOTEL, candidates, 2);
    expect(new Set(home.slice(0, 3)).size).toBe(1);
    expect(new Set(home.slice(3, 6)).size).toBe(1);
    expect(home[0]).not.toBe(home[3]);
    expect(home[6]).toBe(ANY_DAY);
  });

  it('gives a cluster closed on the first day the second day', () => {
    const closedOnDay0 = [false, true];
    const north = [offset(0, 3000), offset(200, 3200)].map((location) => ({
      location,
      score: 10,
      openOn: closedOnDay0,
    }));
    const south = [offset(0, -3000), offset(-200, -3200)].map((location) => ({
      location,
      score: 10,
      openOn: open,
    }));
    const home = splitDays(HOTEL, [...north, ...south], 2);
    expect(home).toEqual([1, 1, 0, 0]);
  });

  it('puts everything on the only day of a one-day trip', () => {
    expect(splitDays(HOTEL, [{ location: offset(5000, 0), score: 1, openOn: [true] }], 1)).toEqual([0]);
  });
});

describe('TravelModel', () => {
  const points = [HOTEL, offset(300, 0), offset(3000, 0)];
  const senior = groupProfile([{ name: 'S', age: 68, preferences: [] }]);

  it('walks short hops and takes transit for long ones in a mixed trip, estimating what no matrix covers', () => {
    const model = new TravelModel(points, {}, 'mixed', groupProfile([ADULT]));
    expect(model.leg(0, 1)).toMatchObject({ mode: 'walk', estimated: true });
    expect(model.leg(0, 2)).toMatchObject({ mode: 'transit', estimated: true, walkMeters: 0 });
    expect(model.leg(1, 1)).toMatchObject({ minutes: 0, distanceMeters: 0 });
  });

  it('slows a provider walking time to 0.9 m/s when someone is 65+', () => {
    const walk = points.map(() =>
      points.map(() => ({ distanceMeters: 900, durationSeconds: 750, estimated: false })),
    );
    const leg = new TravelModel(points, { walk }, 'walk', senior).leg(0, 1);
    expect(leg).toMatchObject({
      mode: 'walk',
      durationSeconds: 1000,
      minutes: 17,
      estimated: false,
      walkMeters: 900,
    });
  });

  it('uses the provider matrix as given, rounding minutes up, and ignores a matrix of the wrong shape', () => {
    const car = points.map(() =>
      points.map(() => ({ distanceMeters: 1234, durationSeconds: 61, estimated: false })),
    );
    expect(new TravelModel(points, { car }, 'car', senior).leg(0, 2)).toMatchObject({
      mode: 'car',
      minutes: 2,
      estimated: false,
    });
    const wrong = new TravelModel(points, { car: car.slice(1) }, 'car', senior);
    expect(wrong.ignoredModes).toEqual(['car']);
    expect(wrong.leg(0, 2).estimated).toBe(true);
  });
});
