import { describe, expect, it } from 'vitest';

import { balanceLimit, dayVisitLimit, isBetterBalanced } from '../../../src/shared/planner/dayEnergy.js';
import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { kindKey } from '../../../src/shared/planner/placeKind.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import type { ItineraryItem, PlanMember } from '../../../src/shared/planner/planTypes.js';
import { parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import {
  ADULT,
  daily,
  makePlace,
  makeRequest,
  makeTrip,
  restaurants,
} from '../../fixtures/planner/planFixtures.js';

const visits = (items: readonly ItineraryItem[]) => items.filter((i) => i.kind === 'visit');
const visitMinutes = (items: readonly ItineraryItem[]) =>
  visits(items).reduce((sum, i) => sum + parseHhmm(i.end) - parseHhmm(i.start), 0);
const TODDLER: PlanMember = { name: 'Toddler', age: 3, preferences: [] };

/** Kinds the fixture sights cycle through (at most two of a kind fit a day). */
const KINDS = ['museum', 'buddhist_temple', 'market', 'art_gallery', 'historical_landmark', 'aquarium'];

/** Sights of varied kinds spread over a ring `radius` metres around the hotel. */
function sights(count: number, radius = 600): ReturnType<typeof makePlace>[] {
  return Array.from({ length: count }, (_, i) => {
    const angle = (2 * Math.PI * i) / count;
    return makePlace({
      category: 'attraction',
      name: `Sight ${i}`,
      categories: [KINDS[i % KINDS.length]!],
      at: [Math.round(radius * Math.cos(angle)), Math.round(radius * Math.sin(angle))],
      openingHours: daily('09:00', '20:00'),
    });
  });
}

describe('day energy and balance rules', () => {
  it('caps sightseeing by the group, and lowers it the day after a heavy day only for groups that tire', () => {
    const adults = groupProfile([ADULT]);
    const family = groupProfile([ADULT, TODDLER]);
    expect(family.maxVisitMinutesPerDay).toBeLessThan(adults.maxVisitMinutesPerDay);
    expect(family.needsLighterDays).toBe(true);
    expect(adults.needsLighterDays).toBe(false);
    const heavy = family.maxVisitMinutesPerDay;
    expect(dayVisitLimit(family, undefined)).toBe(family.maxVisitMinutesPerDay);
    expect(dayVisitLimit(family, heavy)).toBeLessThan(family.maxVisitMinutesPerDay);
    expect(dayVisitLimit(family, heavy / 2)).toBe(family.maxVisitMinutesPerDay);
    expect(dayVisitLimit(adults, adults.maxVisitMinutesPerDay)).toBe(adults.maxVisitMinutesPerDay);
    expect(dayVisitLimit(adults, undefined, 200)).toBe(200);
  });

  it('rebalances only a lopsided trip, towards its mean day, and keeps the new plan only when it is more even', () => {
    expect(balanceLimit([400, 380, 390])).toBeUndefined();
    expect(balanceLimit([360])).toBeUndefined();
    const cap = balanceLimit([360, 120])!;
    expect(cap).toBeGreaterThanOrEqual(240);
    expect(cap).toBeLessThan(360);
    expect(isBetterBalanced([360, 120], [240, 240])).toBe(true);
    // More even but half the sightseeing gone: not better.
    expect(isBetterBalanced([360, 120], [120, 120])).toBe(false);
    expect(isBetterBalanced([360, 120], [360, 120])).toBe(false);
  });
});

describe('whole-trip distribution', () => {
  it('spreads a short list of places over the days instead of filling the first day', () => {
    // Eight sights for two days: greedily, day 1 would take six and leave two.
    const result = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-03', endDate: '2025-06-04' }), [
        ...sights(8),
        ...restaurants(6),
      ]),
    );
    const [first, second] = result.days.map((d) => visits(d.items).length);
    expect(first! + second!).toBe(8);
    expect(Math.abs(first! - second!)).toBeLessThanOrEqual(2);
    expect(result.violations).toEqual([]);
  });

  it('gives a family with a toddler a lighter day after a heavy one, within its daily cap', () => {
    const family = [ADULT, TODDLER];
    const profile = groupProfile(family);
    const result = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-03', endDate: '2025-06-05', members: family }), [
        ...sights(24, 900),
        ...restaurants(8),
      ]),
    );
    const minutes = result.days.map((d) => visitMinutes(d.items));
    for (const m of minutes) expect(m).toBeLessThanOrEqual(profile.maxVisitMinutesPerDay);
    for (let d = 1; d < minutes.length; d++) {
      if (minutes[d - 1]! >= 0.85 * profile.maxVisitMinutesPerDay)
        expect(minutes[d]!).toBeLessThanOrEqual(dayVisitLimit(profile, minutes[d - 1]));
    }
    expect(minutes.some((m) => m < profile.maxVisitMinutesPerDay * 0.8)).toBe(true);
    expect(result.violations).toEqual([]);
  });

  it('keeps each day in one part of the city when places cluster in two areas', () => {
    const west = Array.from({ length: 5 }, (_, i) =>
      makePlace({ category: 'attraction', name: `West ${i}`, at: [-4_000 - 150 * i, 100 * i] }),
    );
    const east = Array.from({ length: 5 }, (_, i) =>
      makePlace({ category: 'attraction', name: `East ${i}`, at: [4_000 + 150 * i, -100 * i] }),
    );
    const result = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-03', endDate: '2025-06-04' }), [
        ...west,
        ...east,
        ...restaurants(6),
      ]),
    );
    for (const day of result.days) {
      const sides = new Set(visits(day.items).map((i) => i.place!.name.split(' ')[0]));
      expect(sides.size).toBe(1);
    }
  });

  it('plans a place on the last day it is open rather than losing it to places open every day', () => {
    // The trip is Tue–Wed; the gallery is closed on Wednesdays and scores a little lower than the rest.
    const gallery = makePlace({
      category: 'culture',
      name: 'Gallery',
      categories: ['art_gallery'],
      rating: 4.1,
      openingHours: daily('09:00', '20:00', [3]),
    });
    const result = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-03', endDate: '2025-06-04' }), [
        ...sights(14, 500),
        gallery,
        ...restaurants(6),
      ]),
    );
    expect(result.days[0]!.items.some((i) => i.placeId === gallery.id)).toBe(true);
  });

  it('schedules at most one café or tea house a day, so two are never back to back', () => {
    const drinks = ['tea_house', 'tea_house', 'cafe'].map((type, i) =>
      makePlace({
        category: 'cafe',
        name: `${type} ${i}`,
        categories: [type],
        rating: 4.8,
        ratingCount: 3_000,
        at: [200 + 60 * i, 100],
      }),
    );
    const result = planItinerary(
      makeRequest(makeTrip({ members: [{ ...ADULT, preferences: ['tea', 'cafe'] }] }), [
        ...drinks,
        ...sights(3),
        ...restaurants(4),
      ]),
    );
    const kinds = visits(result.days[0]!.items).map((i) => kindKey(i.place!));
    expect(kinds.filter((k) => k === 'teahouse' || k === 'cafe')).toHaveLength(1);
  });
});

describe('places left out for the group’s pace', () => {
  it('say so, instead of "did not fit the schedule", when every day already holds the group’s sightseeing', () => {
    const keen: PlanMember = { ...ADULT, preferences: ['museum'] };
    const family = [keen, TODDLER];
    const result = planItinerary(
      makeRequest(makeTrip({ startDate: '2025-06-03', endDate: '2025-06-04', members: family }), [
        ...sights(30, 900),
        ...restaurants(8),
      ]),
    );
    const reasons = result.dropped.map((d) => d.reason);
    expect(reasons.some((r) => r.startsWith('Every day already holds as much sightseeing'))).toBe(true);
    expect(reasons.some((r) => r.startsWith('Did not fit the schedule'))).toBe(false);
    expect(result.violations).toEqual([]);
  });
});
