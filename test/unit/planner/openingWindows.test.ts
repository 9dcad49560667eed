import { describe, expect, it } from 'vitest';

import {
  hasKnownHours,
  openIntervalsOn,
  UNKNOWN_HOURS_WINDOW,
  visitableIntervals,
} from '../../../src/shared/planner/openingWindows.js';
import { formatHhmm, parseHhmm } from '../../../src/shared/planner/timeOfDay.js';
import { tripDates, weekdayOf } from '../../../src/shared/planner/tripDates.js';
import { daily } from '../../fixtures/planner/planFixtures.js';

describe('opening hours', () => {
  it('a museum closed on Mondays has no interval on Monday and 10:00–18:00 on Tuesday', () => {
    const museum = daily('10:00', '18:00', [1]);
    expect(openIntervalsOn(museum, 1)).toEqual([]);
    expect(openIntervalsOn(museum, 2)).toEqual([{ start: 600, end: 1080 }]);
  });

  it('a period past midnight runs into the next day, also from Saturday into Sunday', () => {
    const nightMarket = { periods: [{ day: 6, open: '18:00', close: '02:00', closeDay: 0 }] };
    expect(openIntervalsOn(nightMarket, 6)).toEqual([{ start: 1080, end: 1560 }]);
    expect(openIntervalsOn(nightMarket, 0)).toEqual([{ start: -360, end: 120 }]);
    expect(openIntervalsOn(nightMarket, 5)).toEqual([]);
  });

  it('close < open without closeDay also crosses midnight; 00:00–24:00 is all day', () => {
    expect(openIntervalsOn({ periods: [{ day: 3, open: '20:00', close: '01:30' }] }, 3)).toEqual([
      { start: 1200, end: 1530 },
    ]);
    expect(openIntervalsOn(daily('00:00', '24:00'), 4)).toEqual([{ start: 0, end: 1440 }]);
  });

  it('merges overlapping periods and keeps a midday break', () => {
    const split = {
      periods: [
        { day: 2, open: '10:00', close: '12:00' },
        { day: 2, open: '13:00', close: '17:00' },
        { day: 2, open: '16:00', close: '18:00' },
      ],
    };
    expect(openIntervalsOn(split, 2)).toEqual([
      { start: 600, end: 720 },
      { start: 780, end: 1080 },
    ]);
  });

  it('unknown hours (missing or empty) fall back to the conservative window and say so', () => {
    expect(hasKnownHours({})).toBe(false);
    expect(hasKnownHours({ openingHours: { periods: [] } })).toBe(false);
    expect(visitableIntervals({}, 1)).toEqual({ intervals: [UNKNOWN_HOURS_WINDOW], known: false });
    expect(visitableIntervals({ openingHours: daily('09:00', '10:00') }, 1).known).toBe(true);
  });
});

describe('time and dates', () => {
  it('round-trips HH:MM and rejects garbage', () => {
    expect(parseHhmm('09:05')).toBe(545);
    expect(parseHhmm('24:00')).toBe(1440);
    expect(formatHhmm(545)).toBe('09:05');
    expect(() => parseHhmm('9:5')).toThrow(RangeError);
  });

  it('lists trip dates inclusively and knows the weekday (Sunday = 0)', () => {
    expect(tripDates('2025-02-27', '2025-03-02')).toEqual([
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
    ]);
    expect(weekdayOf('2025-06-02')).toBe(1); // Monday
    expect(weekdayOf('2025-06-08')).toBe(0); // Sunday
  });
});
