import { describe, expect, it } from 'vitest';

import type { Place } from '../../../src/shared/domain/place.js';
import type { ItineraryDay, PlanRequest } from '../../../src/shared/planner/planTypes.js';
import { validateItinerary, type ViolationKind } from '../../../src/shared/planner/validateItinerary.js';
import { countSelfCrossings } from '../../../src/shared/planner/validation/routeCrossings.js';
import {
  CAR,
  dayOf,
  dinnerPlace,
  GOOD_DAY,
  lunchPlace,
  museum,
  park,
  PLACES,
  request,
  tower,
  withPlace,
} from '../../fixtures/planner/itineraryFixtures.js';
import { ADULT, daily, makePlace, makeRequest, makeTrip } from '../../fixtures/planner/planFixtures.js';

function kindsOf(req: PlanRequest, day: ItineraryDay): ViolationKind[] {
  return validateItinerary(req, { days: [day] }).violations.map((v) => v.kind);
}

describe('validateItinerary', () => {
  it('accepts a correct day and measures it', () => {
    const report = validateItinerary(request(), { days: [dayOf(GOOD_DAY)] });
    expect(report.violations).toEqual([]);
    expect(report.metrics).toMatchObject({
      visits: 3,
      meals: 2,
      placesNotFromProvider: 0,
      visitsOutsideOpeningHours: 0,
      chronologyErrors: 0,
      legsTooShort: 0,
      fullDays: 1,
      fullDaysWithBothMeals: 1,
      daysOverPace: 0,
      visitsWithinRecommendedDuration: 3,
      preferencesStated: 1,
      preferencesCovered: 1,
      categoriesPerDay: [3],
      unknownHoursVisits: 0,
      legs: 6,
    });
    expect(report.metrics.routeGapPercentByDay[0]).toBeGreaterThanOrEqual(0);
  });

  it.each<[string, () => [PlanRequest, ItineraryDay], ViolationKind]>([
    [
      'a place that is not a candidate',
      () => [
        request(),
        dayOf([{ ...GOOD_DAY[0]!, place: { ...museum, id: 'google:invented' } }, ...GOOD_DAY.slice(1)]),
      ],
      'unknown_place',
    ],
    [
      'a candidate id with altered data',
      () => [
        request(),
        dayOf([{ ...GOOD_DAY[0]!, place: { ...museum, name: 'Fake Museum' } }, ...GOOD_DAY.slice(1)]),
      ],
      'unknown_place',
    ],
    [
      'a visit before opening time',
      () => [request(withPlace(museum.id, { openingHours: daily('12:00', '18:00') })), dayOf(GOOD_DAY)],
      'closed',
    ],
    [
      'a visit on a closed day',
      () => [request(withPlace(museum.id, { openingHours: daily('10:00', '18:00', [2]) })), dayOf(GOOD_DAY)],
      'closed_day',
    ],
    [
      'unknown hours outside the default window',
      () => [request(withPlace(dinnerPlace.id, { openingHours: undefined })), dayOf(GOOD_DAY)],
      'unknown_hours_outside_default',
    ],
    [
      'an overlap',
      () => [
        request(),
        dayOf([...GOOD_DAY.slice(0, 2), { ...GOOD_DAY[2]!, start: '12:50' }, ...GOOD_DAY.slice(3)]),
      ],
      'chronology',
    ],
    ['a day starting too early', () => [request(PLACES, [ADULT], '10:00'), dayOf(GOOD_DAY)], 'outside_day'],
    [
      'the same place twice',
      () => [
        request(),
        dayOf([...GOOD_DAY.slice(0, 3), { place: museum, start: '15:15', end: '16:15' }, GOOD_DAY[4]!]),
      ],
      'duplicate_visit',
    ],
    [
      'a stop reached without travel',
      () => {
        const day = dayOf(GOOD_DAY);
        return [
          request(),
          { ...day, items: day.items.filter((i) => !(i.kind === 'travel' && i.end === '13:30')) },
        ];
      },
      'missing_leg',
    ],
    [
      'a leg shorter than the drive',
      () => {
        const day = dayOf(GOOD_DAY);
        const items = day.items.map((i) =>
          i.kind === 'travel' && i.end === '13:30'
            ? { ...i, start: '13:25', travel: { ...CAR, durationSeconds: 300 } }
            : i,
        );
        return [request(), { ...day, items }];
      },
      'leg_too_short',
    ],
    ['no lunch', () => [request(), dayOf(GOOD_DAY.filter((s) => s.meal !== 'lunch'))], 'meal_missing'],
    [
      'dinner too late',
      () => [
        request(),
        dayOf([
          ...GOOD_DAY.slice(0, 4),
          { place: dinnerPlace, start: '19:30', end: '20:45', meal: 'dinner' },
        ]),
      ],
      'meal_outside_window',
    ],
    [
      'five visits for a toddler',
      () => {
        const gallery = makePlace({ id: 'google:gallery', category: 'culture', at: [2000, 2000] });
        return [
          request([...PLACES, gallery], [ADULT, { name: 'Kid', age: 3, preferences: [] }]),
          dayOf([
            { place: museum, start: '10:00', end: '11:00' },
            { place: lunchPlace, start: '11:30', end: '12:30', meal: 'lunch' },
            { place: park, start: '13:00', end: '14:00' },
            { place: tower, start: '14:30', end: '15:30' },
            { place: gallery, start: '16:00', end: '16:45' },
            { place: dinnerPlace, start: '17:15', end: '17:45' },
            { place: lunchPlace, start: '18:30', end: '19:30', meal: 'dinner' },
          ]),
        ];
      },
      'pace_visits',
    ],
    [
      'a walk longer than the group can manage',
      () => {
        const day = dayOf(GOOD_DAY);
        const items = day.items.map((i) =>
          i.kind === 'travel' && i.end === '15:15'
            ? { ...i, travel: { ...CAR, mode: 'walk' as const, distanceMeters: 5500 } }
            : i,
        );
        return [request(), { ...day, items }];
      },
      'pace_walk_leg',
    ],
    [
      'a place the data says is inaccessible',
      () => [
        request(withPlace(museum.id, { wheelchairAccessible: false }), [
          { name: 'W', age: 30, health: { mobility: 'wheelchair' }, preferences: [] },
        ]),
        dayOf(GOOD_DAY),
      ],
      'unsuitable',
    ],
  ])('reports %s', (_, build, kind) => {
    const [req, day] = build();
    expect(kindsOf(req, day)).toContain(kind);
  });

  it('reports a day of short walks that adds up to too much', () => {
    const ring = (i: number): [number, number] => [300 * Math.cos(i), 300 * Math.sin(i)];
    const spots = [0, 1, 2, 3, 4, 5].map((i) =>
      makePlace({ id: `google:spot${i}`, category: 'attraction', at: ring(i) }),
    );
    const limited = { name: 'L', age: 50, health: { mobility: 'limited' as const }, preferences: [] };
    const req = makeRequest(
      makeTrip({ members: [limited], dailyStart: '08:00', transport: { mode: 'walk' } }),
      spots,
    );
    const day = dayOf(
      spots.map((place, i) => ({
        place,
        start: `${String(9 + i).padStart(2, '0')}:00`,
        end: `${String(9 + i).padStart(2, '0')}:30`,
      })),
    );
    const walked = {
      ...day,
      items: day.items.map((i) =>
        i.kind === 'travel' ? { ...i, travel: { ...CAR, mode: 'walk' as const, distanceMeters: 450 } } : i,
      ),
    };
    const kinds = kindsOf(req, walked);
    expect(kinds).toContain('pace_walk_day');
    expect(kinds).not.toContain('pace_walk_leg');
  });

  it('measures the route gap against the optimal order of the same stops', () => {
    // East, west, then east again: visiting both eastern places in a row is far shorter.
    const allDay = daily('00:00', '24:00');
    const east = makePlace({ id: 'google:e1', category: 'attraction', at: [4000, 0], openingHours: allDay });
    const east2 = makePlace({ id: 'google:e2', category: 'culture', at: [4500, 200], openingHours: allDay });
    const west = makePlace({ id: 'google:w', category: 'nature', at: [-4000, 0], openingHours: allDay });
    // 13:30–18:00 is due no meal, so the day is otherwise clean.
    const req = makeRequest(makeTrip({ dailyStart: '13:30', dailyEnd: '18:00' }), [east, east2, west]);
    const stops = (order: Place[]) =>
      dayOf(
        order.map((place, i) => ({
          place,
          start: ['14:00', '15:00', '16:15'][i]!,
          end: ['14:30', '15:45', '17:00'][i]!,
        })),
      );
    const zigzag = validateItinerary(req, { days: [stops([east, west, east2])] });
    expect(zigzag.violations).toEqual([]);
    expect(zigzag.metrics.routeGapPercentByDay[0]).toBeGreaterThan(30);
    const straight = validateItinerary(req, { days: [stops([west, east, east2])] });
    expect(straight.metrics.routeGapPercentByDay).toEqual([0]);
  });

  it('tells crossings that time windows do not force from the route shape', () => {
    const allDay = daily('00:00', '24:00');
    const [p1, p2, p3, p4] = (
      [
        [3000, 1000],
        [3000, -1000],
        [6000, 1000],
        [6000, -1000],
      ] as const
    ).map(([east, north], i) =>
      makePlace({ id: `google:q${i}`, category: 'attraction', at: [east, north], openingHours: allDay }),
    );
    const req = makeRequest(makeTrip({ dailyStart: '08:00', dailyEnd: '12:30' }), [p1!, p2!, p3!, p4!]);
    const ordered = (order: Place[]) =>
      dayOf(
        order.map((place, i) => ({
          place,
          start: `${String(8 + i).padStart(2, '0')}:30`,
          end: `${String(9 + i).padStart(2, '0')}:00`,
        })),
      );
    const bowtie = validateItinerary(req, { days: [ordered([p1!, p4!, p3!, p2!])] });
    expect(bowtie.violations).toEqual([]);
    expect(bowtie.metrics).toMatchObject({
      routeSelfCrossings: 1,
      unforcedSelfCrossings: 1,
      optimumSelfCrossings: 0,
    });
    const loop = validateItinerary(req, { days: [ordered([p1!, p3!, p4!, p2!])] });
    expect(loop.metrics).toMatchObject({
      routeSelfCrossings: 0,
      unforcedSelfCrossings: 0,
      routeGapPercentByDay: [0],
    });
  });

  it('counts self-crossings of a route', () => {
    const square = [
      { lat: 0, lng: 0 },
      { lat: 1, lng: 1 },
      { lat: 1, lng: 0 },
      { lat: 0, lng: 1 },
      { lat: 0, lng: 0 },
    ];
    expect(countSelfCrossings(square)).toBe(1);
    expect(countSelfCrossings([square[0]!, square[2]!, square[1]!, square[3]!, square[0]!])).toBe(0);
  });
});
