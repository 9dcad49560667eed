import { describe, expect, it } from 'vitest';

import { estimateCell } from '../../../src/shared/planner/estimateTravel.js';
import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import type { PlanMember } from '../../../src/shared/planner/planTypes.js';
import { TravelModel } from '../../../src/shared/planner/TravelModel.js';
import {
  ADULT,
  daily,
  HOTEL,
  makePlace,
  makeRequest,
  makeTrip,
  offset,
  restaurants,
} from '../../fixtures/planner/planFixtures.js';

const ELDER: PlanMember = { name: 'Grandma', age: 78, preferences: [] };
const LIMITED: PlanMember = { name: 'Kim', age: 50, health: { mobility: 'limited' }, preferences: [] };

describe('travel mode honesty', () => {
  it('walks what the group can walk and rides public transport beyond it on a walking trip', () => {
    const points = [HOTEL, offset(600, 0), offset(4_000, 0)];
    const model = new TravelModel(points, {}, 'walk', groupProfile([ADULT]));
    expect(model.leg(0, 1).mode).toBe('walk');
    expect(model.leg(0, 2).mode).toBe('transit');
    expect(model.leg(0, 2).walkMeters).toBe(0);
  });

  it('takes a taxi, timed by the driving estimate, for a hop too long to walk but too short for a station', () => {
    // 1.1 km is past a 78-year-old's walking cap (800 m) and not worth a subway ride.
    const points = [HOTEL, offset(900, 0)];
    const leg = new TravelModel(points, {}, 'walk', groupProfile([ELDER])).leg(0, 1);
    const drive = estimateCell(points[0]!, points[1]!, 'car');
    expect(leg).toMatchObject({ mode: 'taxi', distanceMeters: drive.distanceMeters, walkMeters: 0 });
    expect(leg.durationSeconds).toBe(drive.durationSeconds);
  });

  it('uses the provider driving matrix for a taxi when there is one', () => {
    const points = [HOTEL, offset(900, 0)];
    const car = [
      [
        { distanceMeters: 0, durationSeconds: 0, estimated: false },
        { distanceMeters: 1_400, durationSeconds: 420, estimated: false },
      ],
      [
        { distanceMeters: 1_400, durationSeconds: 400, estimated: false },
        { distanceMeters: 0, durationSeconds: 0, estimated: false },
      ],
    ];
    const leg = new TravelModel(points, { car }, 'transit', groupProfile([ELDER])).leg(0, 1);
    expect(leg).toMatchObject({
      mode: 'taxi',
      distanceMeters: 1_400,
      durationSeconds: 420,
      estimated: false,
    });
  });

  it('gives a traveller with limited mobility a taxi instead of stations and buses', () => {
    const points = [HOTEL, offset(5_000, 0)];
    expect(new TravelModel(points, {}, 'transit', groupProfile([ADULT])).leg(0, 1).mode).toBe('transit');
    expect(new TravelModel(points, {}, 'transit', groupProfile([LIMITED])).leg(0, 1).mode).toBe('taxi');
  });

  it('takes a taxi where public transport is far slower than the road', () => {
    const points = [HOTEL, offset(8_000, 0)];
    const slow = (seconds: number) => ({
      distanceMeters: 10_000,
      durationSeconds: seconds,
      estimated: false,
    });
    const zero = { distanceMeters: 0, durationSeconds: 0, estimated: false };
    const transit = [
      [zero, slow(2 * 3_600)],
      [slow(2 * 3_600), zero],
    ];
    const model = new TravelModel(points, { transit }, 'transit', groupProfile([ADULT]));
    expect(model.leg(0, 1).mode).toBe('taxi');
    const usual = new TravelModel(points, {}, 'transit', groupProfile([ADULT]));
    expect(usual.leg(0, 1).mode).toBe('transit');
  });

  it('labels taxi legs in the itinerary, validates them against the road, and shows no 0-metre travel', () => {
    const hall = makePlace({ category: 'culture', name: 'Hall', categories: ['museum'], at: [1_000, 0] });
    const annex = makePlace({
      category: 'culture',
      name: 'Annex',
      categories: ['art_gallery'],
      location: hall.location,
      openingHours: daily('09:00', '20:00'),
    });
    const trip = makeTrip({ transport: { mode: 'walk' }, members: [ELDER] });
    const result = planItinerary(makeRequest(trip, [hall, annex, ...restaurants(4)]));
    const travel = result.days[0]!.items.filter((i) => i.kind === 'travel');
    expect(travel.some((i) => i.travel?.mode === 'taxi')).toBe(true);
    for (const item of travel) {
      expect(item.travel!.distanceMeters).toBeGreaterThan(0);
      if (item.travel!.mode === 'walk') expect(item.travel!.distanceMeters).toBeLessThanOrEqual(800);
    }
    expect(result.violations).toEqual([]);
    expect(result.warnings.map((w) => w.code)).toContain('transit_for_long_legs');
  });
});
