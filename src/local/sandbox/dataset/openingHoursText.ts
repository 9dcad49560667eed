import type { OpeningPeriod } from '../../../shared/domain/place.js';

const DAY_CODES = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

function dayIndex(code: string, rule: string): number {
  const index = DAY_CODES.indexOf(code as (typeof DAY_CODES)[number]);
  if (index < 0) throw new Error(`unknown day "${code}" in hours "${rule}"`);
  return index;
}

/** "Mo-Fr,Su" → [1,2,3,4,5,0]; ranges may wrap the week ("Fr-Mo"). */
function parseDays(text: string, rule: string): number[] {
  return text.split(',').flatMap((part) => {
    const [from, to] = part.split('-');
    const start = dayIndex(from!, rule);
    if (to === undefined) return [start];
    const end = dayIndex(to, rule);
    const days: number[] = [];
    for (let d = start; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === end) return days;
    }
  });
}

function checkTime(value: string, rule: string): string {
  if (!TIME.test(value) || (value.startsWith('24') && value !== '24:00')) {
    throw new Error(`bad time "${value}" in hours "${rule}"`);
  }
  return value;
}

/** One opening on `day`; a close at or before the open crosses midnight into the next day. */
function period(day: number, open: string, close: string): OpeningPeriod {
  if (close === '00:00' || close === '24:00') return { day, open, close: '24:00' };
  if (close <= open) return { day, open, close, closeDay: (day + 1) % 7 };
  return { day, open, close };
}

/**
 * Parse the dataset's compact hours notation (a small subset of OpenStreetMap `opening_hours`):
 * `"Mo-Su 09:00-18:00; We,Sa 10:00-21:00"` (a later rule replaces earlier ones for its days),
 * `"Tu-Sa 12:00-15:00,18:00-22:00"`, `"Mo-Su 18:00-02:00"` (crosses midnight), `"Mo off"`, `"24/7"`.
 * Throws on anything else so a typo in the data fails the generator, not a test far away.
 */
export function parseHoursText(text: string): OpeningPeriod[] {
  const byDay = new Map<number, OpeningPeriod[]>();
  for (const rule of text
    .split(';')
    .map((r) => r.trim())
    .filter(Boolean)) {
    if (rule === '24/7') {
      for (let day = 0; day < 7; day += 1) byDay.set(day, [{ day, open: '00:00', close: '24:00' }]);
      continue;
    }
    const match = /^(\S+)\s+(.+)$/.exec(rule);
    if (!match) throw new Error(`cannot read hours rule "${rule}"`);
    const days = parseDays(match[1]!, rule);
    const spans = match[2]!.trim();
    for (const day of days) {
      if (spans === 'off') {
        byDay.set(day, []);
        continue;
      }
      byDay.set(
        day,
        spans.split(',').map((span) => {
          const [open, close] = span.split('-');
          return period(day, checkTime(open ?? '', rule), checkTime(close ?? '', rule));
        }),
      );
    }
  }
  return [...byDay.values()].flat().sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
}
