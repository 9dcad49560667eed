import { describe, expect, it } from 'vitest';

import { dietFit } from '../../../src/shared/planner/dietary.js';
import { groupProfile } from '../../../src/shared/planner/groupProfile.js';
import { noteNeeds } from '../../../src/shared/planner/healthNotes.js';
import { message } from '../../../src/shared/planner/messages.js';
import { kindOf } from '../../../src/shared/planner/placeKind.js';
import { isStrenuous, unsuitabilityReason } from '../../../src/shared/planner/placeTraits.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import { preferenceMatcher } from '../../../src/shared/planner/preferenceMatch.js';
import { sunsetMinutes } from '../../../src/shared/planner/sunset.js';
import { parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import {
  ADULT,
  daily,
  makePlace,
  makeRequest,
  makeTrip,
  restaurants,
} from '../../fixtures/planner/planFixtures.js';

const at = (hhmm: string) => parseHhmm(hhmm);
const visitsOf = (result: ReturnType<typeof planItinerary>, day = 0) =>
  result.days[day]!.items.filter((i) => i.kind === 'visit');

describe('sunset', () => {
  it('matches published sunsets within a few minutes (Seoul, Tokyo; winter and summer)', () => {
    const seoul = { lat: 37.5665, lng: 126.978 };
    expect(Math.abs(sunsetMinutes('2026-12-21', seoul, 540)! - at('17:17'))).toBeLessThanOrEqual(3);
    expect(Math.abs(sunsetMinutes('2026-06-21', seoul, 540)! - at('19:57'))).toBeLessThanOrEqual(3);
    expect(
      Math.abs(sunsetMinutes('2026-12-21', { lat: 35.68, lng: 139.77 }, 540)! - at('16:32')),
    ).toBeLessThanOrEqual(3);
    expect(sunsetMinutes('2026-06-21', { lat: 80, lng: 0 }, 0)).toBeUndefined();
  });
});

describe('place kinds and effort', () => {
  it('reads kinds from Kakao labels and Google types, and marks mountains and oreum strenuous', () => {
    const mountain = makePlace({
      category: 'nature',
      name: '인왕산',
      categories: ['산', '명소', '관광', 'AT4'],
    });
    const oreum = makePlace({ category: 'nature', name: 'Saebyeol', categories: ['오름'] });
    const temple = makePlace({ category: 'culture', categories: ['buddhist_temple', 'place_of_worship'] });
    const cityPark = makePlace({
      category: 'nature',
      name: '부산시민공원',
      categories: ['도시근린공원', '공원'],
    });
    expect(kindOf(mountain)?.name).toBe('mountain');
    expect(isStrenuous(mountain)).toBe(true);
    expect(isStrenuous(oreum)).toBe(true);
    expect(kindOf(temple)?.name).toBe('temple');
    // "산" inside a city's name (부산) is not a mountain.
    expect(isStrenuous(cityPark)).toBe(false);
  });

  it('keeps strenuous places from toddlers, travellers of 75+ and limited mobility, and closed doors from wheelchairs', () => {
    const mountain = makePlace({ category: 'nature', categories: ['hiking_area'] });
    const steps = makePlace({ category: 'culture', wheelchairAccessible: false });
    const toddler = groupProfile([ADULT, { name: 'T', age: 3, preferences: [] }]);
    const elder = groupProfile([{ name: 'G', age: 76, preferences: [] }]);
    const limited = groupProfile([{ name: 'L', age: 50, health: { mobility: 'limited' }, preferences: [] }]);
    expect(unsuitabilityReason(mountain, toddler)).toBe('strenuous_group');
    expect(unsuitabilityReason(mountain, elder)).toBe('strenuous_group');
    expect(unsuitabilityReason(mountain, limited)).toBe('strenuous_mobility');
    expect(unsuitabilityReason(mountain, groupProfile([ADULT]))).toBeUndefined();
    const noStairs = groupProfile([
      { name: 'N', age: 60, health: { mobility: 'full', notes: 'No stairs please' }, preferences: [] },
    ]);
    expect(unsuitabilityReason(steps, noStairs)).toBe('not_step_free');
  });
});

describe('health notes and diets', () => {
  it('reads notes in English, Korean and Japanese', () => {
    expect(
      noteNeeds({
        name: 'a',
        age: 30,
        health: { mobility: 'full', notes: 'Vegetarian, no stairs' },
        preferences: [],
      }),
    ).toEqual({
      stepFree: true,
      limitedWalking: false,
      diets: ['vegetarian'],
    });
    expect(
      noteNeeds({
        name: 'b',
        age: 30,
        health: { mobility: 'full', notes: '휠체어 사용, 할랄' },
        preferences: [],
      }).diets,
    ).toEqual(['halal']);
    expect(
      noteNeeds({
        name: 'c',
        age: 30,
        health: { mobility: 'full', notes: 'ベビーカーあり' },
        preferences: [],
      }).stepFree,
    ).toBe(true);
    expect(noteNeeds({ name: 'd', age: 30, preferences: ['vegan food'] }).diets).toEqual([
      'vegan',
      'vegetarian',
    ]);
  });

  it('reads a food named as a preference as a wish, and as a diet only when the phrase refuses it', () => {
    const diets = (preferences: string[], notes?: string) =>
      noteNeeds({
        name: 'e',
        age: 30,
        ...(notes === undefined ? {} : { health: { mobility: 'full' as const, notes } }),
        preferences,
      }).diets;
    expect(diets(['해산물'])).toEqual([]);
    expect(diets(['海鮮'])).toEqual([]);
    expect(diets(['seafood', '돼지고기'])).toEqual([]);
    expect(diets([], 'No stairs, loves seafood')).toEqual([]);
    expect(diets([], '해산물 알레르기')).toEqual(['no_seafood']);
    expect(diets([], '豚肉なし・魚介アレルギー')).toEqual(['no_pork', 'no_seafood']);
    expect(diets(['no seafood'])).toEqual(['no_seafood']);
    expect(diets([], 'I do not eat beef')).toEqual(['no_beef']);
  });

  it('judges restaurants by cuisine: breaks the diet, serves it, or cannot be verified', () => {
    const bbq = makePlace({ category: 'restaurant', categories: ['barbecue_restaurant'] });
    const veg = makePlace({ category: 'restaurant', categories: ['vegetarian_restaurant'] });
    const korean = makePlace({ category: 'restaurant', categories: ['한식'] });
    expect(dietFit(bbq, ['vegetarian'])).toBe('unsuitable');
    expect(dietFit(veg, ['vegetarian'])).toBe('fits');
    expect(dietFit(korean, ['vegetarian'])).toBe('unverified');
    expect(dietFit(bbq, [])).toBe('fits');
  });
});

describe('preferences by kind', () => {
  it('meets "temple" only with temples and shrines, "hiking" only with mountains and trails, in three languages', () => {
    const temple = makePlace({ category: 'culture', categories: ['사찰'] });
    const museum = makePlace({ category: 'culture', categories: ['museum'] });
    const zoo = makePlace({ category: 'activity', categories: ['zoo', 'park'] });
    const mountain = makePlace({ category: 'nature', categories: ['hiking_area'] });
    expect(preferenceMatcher('temples').matches(temple)).toBe(true);
    expect(preferenceMatcher('temples').matches(museum)).toBe(false);
    expect(preferenceMatcher('寺').matches(temple)).toBe(true);
    expect(preferenceMatcher('hiking').matches(zoo)).toBe(false);
    expect(preferenceMatcher('등산').matches(mountain)).toBe(true);
    expect(preferenceMatcher('ハイキング').matches(mountain)).toBe(true);
  });
});

describe('planItinerary: time of day, variety, sites, meals, reasons', () => {
  it('ends outdoor visits by sunset in December and takes a view tower in the evening', () => {
    const park = makePlace({
      category: 'nature',
      name: 'River Park',
      categories: ['park'],
      openingHours: daily('00:00', '24:00'),
      rating: 4.9,
      ratingCount: 9000,
    });
    const tower = makePlace({
      category: 'attraction',
      name: 'View Tower',
      categories: ['observation_deck'],
      openingHours: daily('10:00', '23:00'),
      at: [900, 400],
      rating: 4.9,
      ratingCount: 9000,
    });
    const trip = makeTrip({ startDate: '2025-12-16', endDate: '2025-12-16' });
    const result = planItinerary(makeRequest(trip, [park, tower, ...restaurants()]));
    const sunset = sunsetMinutes('2025-12-16', trip.accommodation, 540)!;
    const parkVisit = visitsOf(result).find((i) => i.placeId === park.id)!;
    const towerVisit = visitsOf(result).find((i) => i.placeId === tower.id)!;
    expect(at(parkVisit.end)).toBeLessThanOrEqual(sunset);
    expect(at(towerVisit.start)).toBeGreaterThanOrEqual(sunset - 30);
    expect(result.violations).toEqual([]);
  });

  it('gives a square half an hour, not ninety minutes', () => {
    const square = makePlace({
      category: 'attraction',
      name: 'Big Square',
      categories: ['plaza'],
      rating: 4.9,
      ratingCount: 9000,
    });
    const result = planItinerary(makeRequest(makeTrip(), [square, ...restaurants()]));
    const visit = visitsOf(result).find((i) => i.placeId === square.id)!;
    expect(at(visit.end) - at(visit.start)).toBeLessThanOrEqual(40);
  });

  it('schedules at most two places of one kind a day', () => {
    const temples = Array.from({ length: 5 }, (_, i) =>
      makePlace({
        category: 'culture',
        name: `Temple ${i}`,
        categories: ['buddhist_temple'],
        at: [400 * i - 800, 300],
        rating: 4.9,
        ratingCount: 5000,
      }),
    );
    const result = planItinerary(
      makeRequest(makeTrip({ members: [{ name: 'T', age: 40, preferences: ['temples'] }] }), [
        ...temples,
        ...restaurants(),
      ]),
    );
    expect(visitsOf(result).filter((i) => temples.some((t) => t.id === i.placeId))).toHaveLength(2);
  });

  it('keeps places of one site on one day, back to back', () => {
    const palace = makePlace({
      category: 'culture',
      name: 'Palace',
      categories: ['고궁'],
      at: [2000, 2000],
      rating: 4.8,
      ratingCount: 9000,
    });
    const museumInside = makePlace({
      category: 'culture',
      name: 'Folk Museum',
      categories: ['museum'],
      at: [2150, 2100],
      rating: 4.6,
      ratingCount: 3000,
    });
    const others = Array.from({ length: 8 }, (_, i) =>
      makePlace({
        category: 'culture',
        name: `Gallery ${i}`,
        categories: ['art_gallery'],
        at: [-3000 + 700 * i, -1500],
        rating: 4.5,
        ratingCount: 1000,
      }),
    );
    const trip = makeTrip({
      endDate: '2025-06-04',
      members: [{ name: 'A', age: 40, preferences: ['history', 'museums'] }],
    });
    const result = planItinerary(makeRequest(trip, [palace, museumInside, ...others, ...restaurants(6)]));
    const dayOf = (id: string) => result.days.findIndex((d) => d.items.some((i) => i.placeId === id));
    expect(dayOf(palace.id)).toBeGreaterThanOrEqual(0);
    expect(dayOf(museumInside.id)).toBe(dayOf(palace.id));
    const sequence = visitsOf(result, dayOf(palace.id)).map((i) => i.placeId);
    expect(Math.abs(sequence.indexOf(palace.id) - sequence.indexOf(museumInside.id))).toBe(1);
  });

  it('eats lunch and dinner every day at a new restaurant, suited to a vegetarian, and says what it cannot verify', () => {
    const eateries = [
      ...Array.from({ length: 6 }, (_, i) =>
        makePlace({
          category: 'restaurant',
          name: `Veg ${i}`,
          categories: ['vegetarian_restaurant'],
          at: [300 * i - 900, 400],
          openingHours: daily('11:00', '22:00'),
        }),
      ),
      makePlace({
        category: 'restaurant',
        name: 'Grill House',
        categories: ['barbecue_restaurant'],
        at: [100, 100],
        openingHours: daily('11:00', '22:00'),
        rating: 5,
        ratingCount: 9000,
      }),
    ];
    const sights = Array.from({ length: 9 }, (_, i) =>
      makePlace({ category: 'culture', categories: ['museum'], at: [600 * i - 2400, -600] }),
    );
    const trip = makeTrip({
      endDate: '2025-06-05',
      members: [{ name: 'V', age: 30, health: { mobility: 'full', notes: 'vegetarian' }, preferences: [] }],
    });
    const result = planItinerary(makeRequest(trip, [...sights, ...eateries]));
    const meals = result.days.flatMap((d) => d.items.filter((i) => i.kind === 'meal'));
    expect(meals).toHaveLength(6);
    expect(new Set(meals.map((m) => m.placeId)).size).toBe(6);
    expect(meals.some((m) => m.place?.name === 'Grill House')).toBe(false);
    expect(meals.every((m) => m.reason?.includes('vegetarians'))).toBe(true);
  });

  it('gives every visit and meal a reason in the trip language, and warnings in it too', () => {
    const park = makePlace({
      category: 'nature',
      categories: ['park'],
      openingHours: daily('00:00', '24:00'),
    });
    const museum = makePlace({ category: 'culture', categories: ['museum'], at: [-700, 200] });
    const trip = makeTrip({ language: 'ko', members: [{ name: 'K', age: 40, preferences: ['박물관'] }] });
    const result = planItinerary(makeRequest(trip, [park, museum, ...restaurants(1)]));
    const items = result.days[0]!.items.filter((i) => i.kind === 'visit' || i.kind === 'meal');
    expect(items.length).toBeGreaterThan(2);
    for (const item of items) expect(item.reason).toMatch(/[가-힣]/);
    expect(items.find((i) => i.placeId === museum.id)!.reason).toContain('박물관 취향에 맞는 곳');
    // One restaurant cannot serve both meals without repeating: the warning is Korean, not an internal code.
    for (const warning of result.warnings) expect(warning.message).toMatch(/[가-힣]/);
  });

  it('flags unknown step-free access on the item for a wheelchair user', () => {
    const unknown = makePlace({
      category: 'culture',
      name: 'Old House',
      categories: ['museum'],
      rating: 4.9,
      ratingCount: 9000,
    });
    const trip = makeTrip({
      members: [{ name: 'W', age: 40, health: { mobility: 'wheelchair' }, preferences: [] }],
    });
    const result = planItinerary(makeRequest(trip, [unknown, ...restaurants()]));
    const visit = visitsOf(result).find((i) => i.placeId === unknown.id)!;
    expect(visit.warnings).toEqual(['Step-free access at Old House is not known; check before you go.']);
  });
});

describe('messages', () => {
  it('speaks Korean, English and Japanese, and English for anything else', () => {
    expect(message('ko', 'meal.lunch')).toBe('점심');
    expect(message('ja-JP', 'meal.dinner')).toBe('夕食');
    expect(message('fr', 'unknown_opening_hours', { name: 'X' })).toBe(
      "X's opening hours are unknown; check before you go.",
    );
  });
});
