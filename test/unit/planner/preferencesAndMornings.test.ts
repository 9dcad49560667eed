import { describe, expect, it } from 'vitest';

import { meetsMorePreferences, preferenceWishes } from '../../../src/shared/planner/coverPreferences.js';
import { startWithVisit } from '../../../src/shared/planner/morningStart.js';
import type { PlannedDays, TripPool } from '../../../src/shared/planner/planDays.js';
import type { ScoredPlace } from '../../../src/shared/planner/scoreCandidates.js';
import { scheduleRoute } from '../../../src/shared/planner/solvers/scheduleRoute.js';
import { ANY_DAY } from '../../../src/shared/planner/splitDays.js';
import { makePlace } from '../../fixtures/planner/planFixtures.js';

const scoredVisit = (index: number, score: number, matchedPreferences: string[]): ScoredPlace => ({
  index,
  place: makePlace({ category: 'culture', id: `google:v${index}` }),
  score,
  matchedPreferences,
});

const planned = (covered: string[], warnings: PlannedDays['warnings'] = []): PlannedDays => ({
  days: [],
  warnings,
  usedVisits: new Set(),
  visitMinutes: [],
  covered: new Set(covered),
});

describe('stated preferences are met when a place of their kind is open some day', () => {
  // Visits best first, as scoring returns them: a palace closed on day 1, a lower palace, a temple.
  const pool = {
    scored: {
      visits: [
        scoredVisit(0, 90, ['history']),
        scoredVisit(1, 80, ['palaces', 'history']),
        scoredVisit(2, 60, ['palaces', 'history']),
        scoredVisit(3, 50, ['temples']),
        scoredVisit(4, 40, ['parks']),
      ],
      restaurants: [],
      excluded: [],
      rankingIdsIgnored: 0,
    },
    // Place 1 is open on day 0 only although its area is day 1; place 4 is open on no day.
    openOn: [
      [true, true],
      [true, false],
      [true, true],
      [false, true],
      [false, false],
    ],
    homeDay: [0, 1, 1, ANY_DAY, 0],
  } as unknown as TripPool;

  it('wishes for the best open place of each unmet preference, due on a day it is open', () => {
    const wishes = preferenceWishes(pool, planned(['history']));
    expect([...wishes]).toEqual([
      ['google:v1', 0],
      ['google:v3', 0],
    ]);
    expect(preferenceWishes(pool, planned(['history', 'palaces', 'temples'])).size).toBe(0);
  });

  it('keeps a second plan only when it meets more without losing a met preference or a meal', () => {
    const first = planned(['history', 'food']);
    expect(meetsMorePreferences(first, planned(['history', 'food', 'palaces']))).toBe(true);
    expect(meetsMorePreferences(first, planned(['history', 'palaces']))).toBe(false);
    expect(
      meetsMorePreferences(
        first,
        planned(
          ['history', 'food', 'palaces'],
          [{ code: 'meal_not_scheduled', message: 'no lunch', date: '2026-12-07' }],
        ),
      ),
    ).toBe(false);
  });
});

describe('a day starts with a visit, not idle until lunch', () => {
  // Nodes: 0 hotel (day 540–1260), 1 lunch (from 690), 2 museum (from 570), 3 park; minutes.
  const problem = {
    travel: [
      [0, 10, 10, 10],
      [10, 0, 10, 10],
      [10, 10, 0, 10],
      [10, 10, 10, 0],
    ],
    windows: [
      [540, 1260],
      [690, 780],
      [570, 1000],
      [540, 1000],
    ] as [number, number][],
    service: [0, 60, 90, 60],
  };
  const isMeal = (node: number) => node === 1;

  it('moves a visit before lunch when the morning would be free time', () => {
    const route = startWithVisit(problem, [1, 2, 3], isMeal, () => true);
    expect(route.indexOf(1)).toBeGreaterThan(0);
    expect(scheduleRoute(problem, route).feasible).toBe(true);
    expect(scheduleRoute(problem, route).starts[0]).toBeLessThan(600);
  });

  it('leaves the order when the walking budget refuses it, or when the morning is already used', () => {
    expect(startWithVisit(problem, [1, 2, 3], isMeal, (r) => r[0] === 1)).toEqual([1, 2, 3]);
    // Museum 09:30–11:00, lunch from 11:10: the morning is used.
    const earlyLunch = {
      ...problem,
      windows: problem.windows.map((w, i) => (i === 1 ? [670, 780] : w)) as [number, number][],
    };
    expect(startWithVisit(earlyLunch, [2, 1, 3], isMeal, () => true)).toEqual([2, 1, 3]);
  });
});
