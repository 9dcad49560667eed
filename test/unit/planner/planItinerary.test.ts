import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import type { ItineraryItem } from '../../../src/shared/planner/planTypes.js';
import { parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import {
  ADULT,
  daily,
  makePlace,
  makeRequest,
  makeTrip,
  restaurants,
} from '../../fixtures/planner/planFixtures.js';

const stops = (items: readonly ItineraryItem[]) =>
  items.filter((i) => i.kind === 'visit' || i.kind === 'meal');
const visits = (items: readonly ItineraryItem[]) => items.filter((i) => i.kind === 'visit');
const minutes = (hhmm: string) => parseHhmm(hhmm);

describe('planItinerary rules', () => {
  it('never sends anyone to a museum on the Monday it is closed', () => {
    const museum = makePlace({
      category: 'culture',
      name: 'City Museum',
      rating: 4.9,
      ratingCount: 5000,
      openingHours: daily('10:00', '18:00', [1]),
    });
    const park = makePlace({ category: 'nature', name: 'River Park', at: [-800, 300] });
    const places = [museum, park, ...restaurants()];

    const mondayOnly = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-02', endDate: '2025-06-02' }), places),
    );
    expect(mondayOnly.days[0]!.items.some((i) => i.placeId === museum.id)).toBe(false);
    expect(mondayOnly.dropped).toContainEqual({
      placeId: museum.id,
      name: 'City Museum',
      reason: 'Closed on every day of the trip',
    });

    const monToTue = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-02', endDate: '2025-06-03' }), places),
    );
    const museumDay = monToTue.days.find((d) => d.items.some((i) => i.placeId === museum.id));
    expect(museumDay?.date).toBe('2025-06-03');
    expect(monToTue.violations).toEqual([]);
  });

  it('paces a walking day for a 70-year-old with limited mobility', () => {
    const grandpa = {
      name: 'Grandpa',
      age: 70,
      health: { mobility: 'limited' as const },
      preferences: ['history'],
    };
    // Everything within ~150 m of the hotel: every leg is walkable under the 500 m cap.
    const ring = (i: number, of: number): [number, number] => [
      150 * Math.cos((2 * Math.PI * i) / of),
      150 * Math.sin((2 * Math.PI * i) / of),
    ];
    const near = [
      makePlace({ category: 'culture', name: 'Palace', at: ring(0, 8) }),
      makePlace({ category: 'culture', name: 'Temple', at: ring(1, 8) }),
      makePlace({ category: 'nature', name: 'Garden', at: ring(2, 8) }),
      makePlace({ category: 'attraction', name: 'Tower', at: ring(3, 8) }),
      makePlace({ category: 'shopping', name: 'Market', at: ring(4, 8) }),
      makePlace({ category: 'cafe', name: 'Tea House', at: ring(5, 8) }),
    ];
    const eateries = [6, 7].map((i) =>
      makePlace({
        category: 'restaurant',
        name: `Eatery ${i}`,
        at: ring(i, 8),
        openingHours: daily('11:00', '22:00'),
      }),
    );
    const trail = makePlace({
      category: 'nature',
      name: 'Namsan hiking trail',
      at: [100, 100],
      rating: 5,
      ratingCount: 9000,
    });
    const far = makePlace({
      category: 'culture',
      name: 'Far Museum',
      at: [3000, 0],
      rating: 5,
      ratingCount: 9000,
    });
    const trip = makeTrip({ members: [ADULT, grandpa], transport: { mode: 'walk' } });
    const result = planItinerary(makeRequest(trip, [...near, trail, far, ...eateries]));
    const items = result.days[0]!.items;

    expect(visits(items).length).toBeGreaterThan(0);
    expect(visits(items).length).toBeLessThanOrEqual(4);
    expect(items.some((i) => i.placeId === trail.id)).toBe(false);
    expect(result.dropped).toContainEqual({
      placeId: trail.id,
      name: trail.name,
      reason: 'Too strenuous for a traveller with limited mobility',
    });
    const legs = items.filter((i) => i.kind === 'travel');
    const walks = legs.filter((i) => i.travel?.mode === 'walk');
    // Legs to the far museum would exceed the walking cap: it is reached by transit, if at all.
    expect(walks.length).toBeGreaterThanOrEqual(legs.length - 2);
    expect(walks.reduce((sum, w) => sum + w.travel!.distanceMeters, 0)).toBeLessThanOrEqual(2_500);
    for (const walk of walks) {
      expect(walk.travel!.distanceMeters).toBeLessThanOrEqual(500);
      // ≤ 0.9 m/s because someone is 65+, and the slot is never shorter than the leg.
      expect(walk.travel!.durationSeconds).toBeGreaterThanOrEqual(walk.travel!.distanceMeters / 0.9);
      expect((minutes(walk.end) - minutes(walk.start)) * 60).toBeGreaterThanOrEqual(
        walk.travel!.durationSeconds,
      );
    }
    const rests = items.filter((i) => i.kind === 'rest');
    expect(rests).toHaveLength(visits(items).length);
    // Each visit is followed by a 20-minute rest; a long wait after it is marked free time and is longer.
    for (const rest of rests) {
      const length = minutes(rest.end) - minutes(rest.start);
      if (rest.reason?.startsWith('Free time')) expect(length).toBeGreaterThan(20);
      else expect(length).toBe(20);
    }
    expect(result.violations).toEqual([]);
  });

  it('sends a group that rests after each visit straight home after the last one', () => {
    const grandma = { name: 'Grandma', age: 75, health: { mobility: 'limited' as const }, preferences: [] };
    const viewpoints = [0, 1, 2].map((i) =>
      makePlace({ category: 'attraction', name: `Viewpoint ${i}`, at: [300 * i + 200, 0] }),
    );
    const trip = makeTrip({ members: [grandma], dailyStart: '09:00', dailyEnd: '12:30' });
    const items = planItinerary(makeRequest(trip, viewpoints)).days[0]!.items;
    const lastStop = items.findLastIndex((i) => i.kind === 'visit');
    expect(lastStop).toBeGreaterThan(0);
    // Rests between visits, none after the last: its next item is the way home.
    expect(items.slice(0, lastStop).some((i) => i.kind === 'rest')).toBe(true);
    expect(items.slice(lastStop + 1).map((i) => i.kind)).toEqual(['travel']);
  });

  it('starts a late 1-day trip at its start time, with dinner but no lunch', () => {
    const places = [
      makePlace({ category: 'culture', name: 'Museum', openingHours: daily('10:00', '19:00') }),
      makePlace({
        category: 'attraction',
        name: 'Tower',
        at: [-600, 0],
        openingHours: daily('10:00', '23:00'),
      }),
      ...restaurants(),
    ];
    const result = planItinerary(makeRequest(makeTrip({ dailyStart: '15:00', dailyEnd: '22:00' }), places));
    const items = result.days[0]!.items;
    expect(minutes(items[0]!.start)).toBeGreaterThanOrEqual(15 * 60);
    expect(minutes(items.at(-1)!.end)).toBeLessThanOrEqual(22 * 60);
    const meals = items.filter((i) => i.kind === 'meal');
    expect(meals.map((m) => m.meal)).toEqual(['dinner']);
    expect(minutes(meals[0]!.start)).toBeGreaterThanOrEqual(17 * 60 + 30);
    expect(minutes(meals[0]!.end)).toBeLessThanOrEqual(20 * 60 + 30);
    expect(visits(items).length).toBe(2);
    expect(result.violations).toEqual([]);
  });

  it('visits a night market that is open past midnight in its evening hours', () => {
    const nightMarket = makePlace({
      category: 'shopping',
      name: 'Night Market',
      rating: 5,
      ratingCount: 9000,
      openingHours: {
        periods: [0, 1, 2, 3, 4, 5, 6].map((day) => ({
          day,
          open: '18:00',
          close: '02:00',
          closeDay: (day + 1) % 7,
        })),
      },
    });
    const result = planItinerary(
      makeRequest(makeTrip({ dailyEnd: '23:30' }), [nightMarket, ...restaurants()]),
    );
    const visit = result.days[0]!.items.find((i) => i.placeId === nightMarket.id);
    expect(visit).toBeDefined();
    expect(minutes(visit!.start)).toBeGreaterThanOrEqual(18 * 60);
    expect(minutes(visit!.end)).toBeLessThanOrEqual(23 * 60 + 30);
    expect(result.violations).toEqual([]);
  });

  it('schedules places with unknown hours only inside 10:00–17:00 and flags each as a risk', () => {
    const mystery = makePlace({
      category: 'attraction',
      name: 'Mystery Spot',
      rating: 5,
      ratingCount: 9000,
      openingHours: undefined,
    });
    const result = planItinerary(makeRequest(makeTrip(), [mystery, ...restaurants()]));
    const visit = result.days[0]!.items.find((i) => i.placeId === mystery.id)!;
    expect(minutes(visit.start)).toBeGreaterThanOrEqual(10 * 60);
    expect(minutes(visit.end)).toBeLessThanOrEqual(17 * 60);
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'unknown_opening_hours', placeId: mystery.id, date: '2025-06-03' }),
    );
    expect(result.metrics.unknownHoursVisits).toBe(1);
    expect(result.violations).toEqual([]);
  });

  it('puts lunch and dinner inside their windows at restaurants, in order, without overlaps', () => {
    const places = [
      makePlace({ category: 'culture', name: 'A', at: [1500, 0] }),
      makePlace({ category: 'nature', name: 'B', at: [1800, 600] }),
      makePlace({ category: 'attraction', name: 'C', at: [1200, -700] }),
      makePlace({ category: 'shopping', name: 'D', at: [-900, 300] }),
      ...restaurants(6),
    ];
    const result = planItinerary(makeRequest(makeTrip(), places));
    const items = result.days[0]!.items;
    const lunch = items.find((i) => i.meal === 'lunch')!;
    const dinner = items.find((i) => i.meal === 'dinner')!;
    expect(lunch.place?.category).toBe('restaurant');
    expect(minutes(lunch.start)).toBeGreaterThanOrEqual(11 * 60 + 30);
    expect(minutes(lunch.end)).toBeLessThanOrEqual(14 * 60);
    expect(minutes(dinner.start)).toBeGreaterThanOrEqual(17 * 60 + 30);
    expect(minutes(dinner.end)).toBeLessThanOrEqual(20 * 60 + 30);
    expect(lunch.placeId).not.toBe(dinner.placeId);
    for (let i = 1; i < items.length; i++)
      expect(minutes(items[i]!.start)).toBeGreaterThanOrEqual(minutes(items[i - 1]!.end));
    // Every stop is reached by a travel item and the day ends back at the hotel.
    expect(items[0]!.kind).toBe('travel');
    expect(items.at(-1)!.kind).toBe('travel');
    expect(result.metrics).toMatchObject({
      fullDays: 1,
      fullDaysWithBothMeals: 1,
      routeGapPercentByDay: [0],
    });
  });

  it('is deterministic, with stable item ids derived from date, position and place', () => {
    const places = [
      makePlace({ id: 'google:p1', category: 'culture', at: [900, 100] }),
      makePlace({ id: 'google:p2', category: 'nature', at: [-700, 400] }),
      makePlace({ id: 'kakao:123', category: 'attraction', at: [300, -900] }),
      ...restaurants(),
    ];
    const request = makeRequest(makeTrip({ endDate: '2025-06-04' }), places);
    const first = planItinerary(request);
    expect(planItinerary(request)).toEqual(first);
    const ids = first.days.flatMap((d) => d.items.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
    const kakao = first.days.flatMap((d) => d.items).find((i) => i.placeId === 'kakao:123')!;
    expect(kakao.id).toMatch(/^2025-06-0[34]-\d{2}-visit-kakao_123$/);
    expect(stops(first.days[0]!.items).every((i) => i.place?.id === i.placeId)).toBe(true);
  });

  it('estimates legs when no matrix is given and says so', () => {
    const places = [makePlace({ category: 'culture', at: [2000, 0] }), ...restaurants()];
    const result = planItinerary({
      trip: makeTrip({ transport: { mode: 'transit' } }),
      places,
      matrices: {},
    });
    const legs = result.days[0]!.items.filter((i) => i.kind === 'travel');
    expect(legs.length).toBeGreaterThan(0);
    expect(legs.every((l) => l.travel!.estimated)).toBe(true);
    // An internal fact for logs, not a traveller warning.
    expect(result.notes.some((n) => n.includes('estimated from distance'))).toBe(true);
    expect(result.warnings.map((w) => w.code)).not.toContain('estimated_travel');
  });

  it('plans empty days with warnings when nothing can be visited, and reports the missing meals', () => {
    const result = planItinerary(makeRequest(makeTrip({ endDate: '2025-06-04' }), []));
    expect(result.days.map((d) => d.items)).toEqual([[], []]);
    expect(result.warnings.map((w) => w.code)).toEqual([
      'meal_not_scheduled',
      'meal_not_scheduled',
      'day_without_visits',
      'meal_not_scheduled',
      'meal_not_scheduled',
      'day_without_visits',
    ]);
    expect(result.violations.map((v) => v.kind)).toEqual([
      'meal_missing',
      'meal_missing',
      'meal_missing',
      'meal_missing',
    ]);
    expect(result.metrics.violationsBeforeRepair).toBe(4);
  });

  it('rejects a day that ends before it starts', () => {
    const request = makeRequest(makeTrip({ dailyStart: '18:00', dailyEnd: '09:00' }), restaurants());
    expect(() => planItinerary(request)).toThrow(AppError);
    try {
      planItinerary(request);
    } catch (error) {
      expect((error as AppError).code).toBe('validation_failed');
      expect((error as AppError).errors?.[0]?.path).toBe('trip.dailyEnd');
    }
  });
});
