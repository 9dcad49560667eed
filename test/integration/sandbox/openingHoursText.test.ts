import { describe, expect, it } from 'vitest';

import { isOpenAt } from '../../../src/local/sandbox/dataset/isOpenAt.js';
import { parseHoursText } from '../../../src/local/sandbox/dataset/openingHoursText.js';

describe('parseHoursText', () => {
  it('reads day ranges, later rules replacing earlier ones, split days and past-midnight closes', () => {
    expect(
      parseHoursText('Mo-Fr 09:00-18:00; We 10:00-21:00; Sa 12:00-15:00,18:00-02:00; Fr off'),
    ).toStrictEqual([
      { day: 1, open: '09:00', close: '18:00' },
      { day: 2, open: '09:00', close: '18:00' },
      { day: 3, open: '10:00', close: '21:00' },
      { day: 4, open: '09:00', close: '18:00' },
      { day: 6, open: '12:00', close: '15:00' },
      { day: 6, open: '18:00', close: '02:00', closeDay: 0 },
    ]);
  });

  it('reads week-wrapping ranges, 24/7 and closes at midnight', () => {
    expect(parseHoursText('Sa-Mo 10:00-24:00').map((p) => [p.day, p.close])).toStrictEqual([
      [0, '24:00'],
      [1, '24:00'],
      [6, '24:00'],
    ]);
    expect(parseHoursText('24/7')).toHaveLength(7);
  });

  it.each(['Mo-Fr 9-18', 'Xx 09:00-10:00', 'Mo 25:00-26:00', 'always'])('refuses "%s"', (text) => {
    expect(() => parseHoursText(text)).toThrow();
  });
});

describe('isOpenAt', () => {
  const bar = parseHoursText('Fr,Sa 18:00-02:00');
  const at = (iso: string) => new Date(iso);

  it('follows local time (UTC+9) across midnight and the end of the week', () => {
    expect(isOpenAt(bar, at('2026-05-15T10:00:00Z'), 540)).toBe(true); // Fri 19:00
    expect(isOpenAt(bar, at('2026-05-15T16:30:00Z'), 540)).toBe(true); // Sat 01:30, from Friday
    expect(isOpenAt(bar, at('2026-05-16T17:30:00Z'), 540)).toBe(false); // Sun 02:30
    expect(isOpenAt(bar, at('2026-05-16T16:59:00Z'), 540)).toBe(true); // Sun 01:59, from Saturday
    expect(isOpenAt(bar, at('2026-05-14T10:00:00Z'), 540)).toBe(false); // Thu 19:00
  });
});
