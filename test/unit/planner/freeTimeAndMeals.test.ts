import { describe, expect, it } from 'vitest';

import { retimeDay } from '../../../src/shared/itinerary/edit/retimeDay.js';
import { stopsOf } from '../../../src/shared/itinerary/edit/StopSpec.js';
import { FREE_TIME_MINUTES, markFreeTime } from '../../../src/shared/planner/freeTime.js';
import { kindKey } from '../../../src/shared/planner/placeKind.js';
import { planItinerary } from '../../../src/shared/planner/planItinerary.js';
import { planningContext } from '../../../src/shared/planner/planningContext.js';
import type { ItineraryItem } from '../../../src/shared/planner/planTypes.js';
import { parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import { daily, makePlace, makeRequest, makeTrip, restaurants } from '../../fixtures/planner/planFixtures.js';

const travel = (start: string, end: string): ItineraryItem => ({
  id: 'x',
  kind: 'travel',
  start,
  end,
  travel: { mode: 'walk', distanceMeters: 500, durationSeconds: 400, estimated: true },
});
const stop = (kind: 'visit' | 'meal', start: string, end: string, placeId: string): ItineraryItem => ({
  id: 'x',
  kind,
  start,
  end,
  placeId,
});

/** Gaps between consecutive items of a day, minutes. */
const gaps = (items: readonly ItineraryItem[]) =>
  items.slice(1).map((item, i) => parseHhmm(item.start) - parseHhmm(items[i]!.end));

describe('free time', () => {
  it('turns a long wait into marked free time in the trip language and moves the travel to just before the stop', () => {
    const items = [
      travel('09:00', '09:10'),
      stop('visit', '09:10', '10:40', 'google:a'),
      { id: 'x', kind: 'rest', start: '10:40', end: '10:55' } as ItineraryItem,
      travel('10:55', '11:05'),
      stop('meal', '11:30', '12:30', 'google:b'),
      travel('12:30', '12:40'),
      stop('visit', '12:40', '13:40', 'google:c'),
      travel('13:40', '13:50'),
      stop('meal', '17:30', '18:45', 'google:d'),
      travel('18:45', '18:55'),
    ];
    const marked = markFreeTime('2025-06-03', items, 'ko');
    // The 25-minute wait before lunch stays as it is; the 3 h 40 min before dinner is free time.
    expect(marked).toHaveLength(items.length + 1);
    const free = marked.filter((i) => i.kind === 'rest' && i.reason?.startsWith('자유 시간'));
    expect(free).toEqual([
      expect.objectContaining({
        start: '13:40',
        end: '17:20',
        reason: expect.stringContaining('숙소에서 쉬거나'),
      }),
    ]);
    const dinnerLeg = marked[marked.findIndex((i) => i.placeId === 'google:d') - 1]!;
    expect(dinnerLeg).toMatchObject({ kind: 'travel', start: '17:20', end: '17:30' });
    expect(Math.max(...gaps(marked))).toBeLessThan(FREE_TIME_MINUTES);
    // Stops keep their times; ids stay unique and positional.
    for (const id of ['google:a', 'google:b', 'google:c', 'google:d']) {
      const { start, end, kind } = items.find((i) => i.placeId === id)!;
      expect(marked.find((i) => i.placeId === id)).toMatchObject({ start, end, kind });
    }
    expect(new Set(marked.map((i) => i.id)).size).toBe(marked.length);
  });

  it("says what the group's pause after a stop is, in the trip's language", () => {
    const items = [
      stop('visit', '09:00', '10:00', 'google:a'),
      { id: 'x', kind: 'rest', start: '10:00', end: '10:20' } as ItineraryItem,
      travel('10:20', '10:30'),
      stop('visit', '10:30', '11:30', 'google:b'),
    ];
    const reasons = (['en', 'ko', 'ja'] as const).map(
      (language) => markFreeTime('2025-06-03', items, language).find((i) => i.kind === 'rest')?.reason,
    );
    expect(reasons).toEqual([
      'Break (20 min): time to sit down and rest, at an easy pace.',
      '휴식 (20분): 편한 속도로 잠시 앉아 쉬어 가세요.',
      '休憩（20分）：腰を下ろして、ゆっくりひと休みしましょう。',
    ]);
  });

  it('starts a day whose first stop is late with free time', () => {
    const items = [travel('11:20', '11:30'), stop('meal', '11:30', '12:30', 'google:b')];
    const marked = markFreeTime('2025-06-03', items, 'en', parseHhmm('09:00'));
    expect(marked[0]).toMatchObject({ kind: 'rest', start: '09:00', end: '11:20' });
    expect(marked[0]!.reason).toContain('Free time (140 min)');
    expect(markFreeTime('2025-06-03', items, 'en', parseHhmm('11:00'))).toHaveLength(2);
  });

  it('grows the rest after a visit into the free time instead of adding a second rest', () => {
    const items = [
      stop('visit', '09:00', '10:00', 'google:a'),
      { id: 'x', kind: 'rest', start: '10:00', end: '10:20' } as ItineraryItem,
      travel('10:20', '10:30'),
      stop('meal', '11:40', '12:40', 'google:b'),
    ];
    const marked = markFreeTime('2025-06-03', items, 'en');
    expect(marked.filter((i) => i.kind === 'rest')).toEqual([
      expect.objectContaining({
        start: '10:00',
        end: '11:30',
        reason: expect.stringContaining('Free time (90 min)'),
      }),
    ]);
  });

  it('leaves no unexplained hole in a planned day: the wait for dinner is free time and the plan still validates', () => {
    // Only a morning sight is open: after lunch the day waits for dinner.
    const morning = makePlace({
      category: 'culture',
      name: 'Morning Museum',
      categories: ['museum'],
      openingHours: daily('09:00', '11:30'),
    });
    const result = planItinerary(makeRequest(makeTrip({ language: 'ja' }), [morning, ...restaurants(4)]));
    const items = result.days[0]!.items;
    expect(items.some((i) => i.kind === 'rest' && i.reason?.includes('自由時間'))).toBe(true);
    expect(Math.max(...gaps(items))).toBeLessThan(FREE_TIME_MINUTES);
    expect(result.violations).toEqual([]);
  });
});

describe('meals of a day', () => {
  it('does not serve the same dish for lunch and dinner when another restaurant fits', () => {
    const gukbap = [0, 1].map((i) =>
      makePlace({
        category: 'restaurant',
        name: `Gukbap ${i}`,
        categories: ['국밥'],
        rating: 4.6,
        ratingCount: 3_000,
        at: [300 + 100 * i, 0],
        openingHours: daily('10:00', '22:00'),
      }),
    );
    const sushi = makePlace({
      category: 'restaurant',
      name: 'Sushi',
      categories: ['sushi_restaurant'],
      at: [900, 300],
      openingHours: daily('10:00', '22:00'),
    });
    const museum = makePlace({ category: 'culture', categories: ['museum'], at: [600, 100] });
    const result = planItinerary(makeRequest(makeTrip(), [...gukbap, sushi, museum]));
    const meals = result.days[0]!.items.filter((i) => i.kind === 'meal');
    expect(meals).toHaveLength(2);
    expect(new Set(meals.map((m) => kindKey(m.place!))).size).toBe(2);
  });
});

describe('re-timed days', () => {
  it('marks free time as a generated day does, keeping the stops and their ids', () => {
    const morning = makePlace({
      category: 'culture',
      name: 'Morning Museum',
      categories: ['museum'],
      openingHours: daily('09:00', '11:30'),
    });
    const request = makeRequest(makeTrip({ language: 'ja' }), [morning, ...restaurants(4)]);
    const generated = planItinerary(request).days[0]!;
    const context = planningContext(request);
    const inputs = { request, context, matched: new Map<string, readonly string[]>() };
    // The editor re-times the day with its stops (and their free time notes dropped).
    const kept = generated.items
      .filter((i) => i.kind !== 'rest')
      .map(({ warnings, ...item }) => ({ ...item, ...(warnings ? { warnings: [...warnings] } : {}) }));
    const stops = stopsOf({ date: generated.date, items: kept });
    const retimed = retimeDay(inputs, generated.date, stops);
    const free = retimed.items.filter((i) => i.kind === 'rest' && i.reason?.includes('自由時間'));
    expect(free.length).toBeGreaterThan(0);
    expect(Math.max(...gaps(retimed.items))).toBeLessThan(FREE_TIME_MINUTES);
    const stopIds = (items: readonly { kind: string; id: string }[]) =>
      items.filter((i) => i.kind === 'visit' || i.kind === 'meal').map((i) => i.id);
    expect(stopIds(retimed.items)).toEqual(stopIds(generated.items));
  });
});
