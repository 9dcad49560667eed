import { describe, expect, it } from 'vitest';

import { planningContext } from '../../../src/shared/planner/planningContext.js';
import { repairItinerary } from '../../../src/shared/planner/repairItinerary.js';
import { validateItinerary } from '../../../src/shared/planner/validateItinerary.js';
import {
  dayOf,
  GOOD_DAY,
  museum,
  park,
  PLACES,
  request,
  tower,
  withPlace,
} from '../../fixtures/planner/itineraryFixtures.js';
import { ADULT, daily } from '../../fixtures/planner/planFixtures.js';

describe('repairItinerary', () => {
  it('re-times a visit booked before opening and drops stops that cannot be right, with reasons', () => {
    const req = request(withPlace(museum.id, { openingHours: daily('12:00', '18:00') }));
    const broken = dayOf([
      GOOD_DAY[0]!,
      GOOD_DAY[1]!,
      { place: { ...park, id: 'google:invented', name: 'Invented Park' }, start: '13:30', end: '14:45' },
      GOOD_DAY[3]!,
      GOOD_DAY[4]!,
    ]);
    const first = validateItinerary(req, { days: [broken] });
    expect(first.violations.map((v) => v.kind).sort()).toEqual(['closed', 'unknown_place']);

    const context = planningContext(req);
    const repaired = repairItinerary({ days: [broken] }, first.violations, context, () => 1);
    expect(repaired.repairedDates).toEqual(['2025-06-03']);
    expect(repaired.dropped).toContainEqual({
      placeId: 'google:invented',
      name: 'Invented Park',
      reason: 'google:invented is not a candidate from the providers',
    });
    const after = validateItinerary(req, { days: repaired.days });
    expect(after.violations).toEqual([]);
    const museumVisit = repaired.days[0]!.items.find((i) => i.placeId === museum.id);
    expect(museumVisit && museumVisit.start >= '12:00').toBe(true);
  });

  it('drops the weakest visits when a day cannot hold them all', () => {
    const req = request(PLACES, [ADULT], '09:00');
    const tight = { ...req, trip: { ...req.trip, dailyEnd: '13:00' } };
    const day = dayOf([
      { place: museum, start: '10:00', end: '11:00' },
      { place: park, start: '11:30', end: '12:15' },
      { place: tower, start: '12:30', end: '12:45' },
    ]);
    const report = validateItinerary(tight, { days: [day] });
    expect(report.violations.length).toBeGreaterThan(0);
    const scores: Record<number, number> = { 0: 3, 1: 2, 2: 1 };
    const repaired = repairItinerary(
      { days: [day] },
      report.violations,
      planningContext(tight),
      (i) => scores[i] ?? 0,
    );
    expect(
      validateItinerary(tight, { days: repaired.days }).violations.filter((v) => v.kind !== 'meal_missing'),
    ).toEqual([]);
    expect(repaired.dropped.map((d) => d.placeId)).toContain(tower.id);
    expect(repaired.dropped.every((d) => d.reason.length > 0)).toBe(true);
  });
});
