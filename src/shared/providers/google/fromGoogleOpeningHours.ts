import type { OpeningHours, OpeningPeriod } from '../../domain/place.js';
import type { GoogleOpeningHours } from './googlePlacesSchemas.js';

const DAY = 24 * 60;
const WEEK = 7 * DAY;

type WeekPoint = { day: number; hour: number; minute: number };

const minuteOfWeek = (p: WeekPoint) => p.day * DAY + p.hour * 60 + p.minute;
const hhmm = (minuteOfDay: number) =>
  `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;

/**
 * One Google period as our periods:
 * - same day → one period;
 * - ending at the next midnight → `close: "24:00"` (no `closeDay`);
 * - crossing midnight, shorter than a day (bars: Fri 18:00 → Sat 02:00) → one period with `closeDay`;
 * - spanning a day or more (Google merges continuous opening) → one period per calendar day, so a
 *   reader of `periods` never has to handle multi-day spans.
 */
function toPeriods(open: WeekPoint, close: WeekPoint): OpeningPeriod[] {
  const start = minuteOfWeek(open);
  let end = minuteOfWeek(close);
  if (end <= start) end += WEEK; // Sat 20:00 → Sun 01:00 wraps the week
  const dayStart = open.day * DAY;
  const midnight = dayStart + DAY;
  const openTime = hhmm(start - dayStart);
  if (end <= midnight) {
    return [{ day: open.day, open: openTime, close: end === midnight ? '24:00' : hhmm(end - dayStart) }];
  }
  if (end - start < DAY) {
    return [{ day: open.day, open: openTime, close: hhmm(end - midnight), closeDay: (open.day + 1) % 7 }];
  }
  const periods: OpeningPeriod[] = [];
  for (let from = start; from < end;) {
    const fromDayStart = Math.floor(from / DAY) * DAY;
    const until = Math.min(end, fromDayStart + DAY);
    const closeTime = until === fromDayStart + DAY ? '24:00' : hhmm(until - fromDayStart);
    periods.push({ day: (fromDayStart / DAY) % 7, open: hhmm(from - fromDayStart), close: closeTime });
    from = until;
  }
  return periods;
}

/**
 * Google `regularOpeningHours` as our weekly OpeningHours (day 0–6, Sunday = 0, `HH:MM`).
 * A place open 24/7 (one period with only `open`) becomes seven 00:00–24:00 periods, so "open all
 * day" looks the same whatever the provider. `openNow` prefers `currentOpeningHours` (it knows special
 * days). No periods → `undefined`: unknown hours stay unknown, never "closed" or "always open".
 */
export function fromGoogleOpeningHours(
  regular: Readonly<GoogleOpeningHours> | undefined,
  currentOpenNow?: boolean,
): OpeningHours | undefined {
  const raw = regular?.periods ?? [];
  if (raw.length === 0) return undefined;
  const periods = raw.flatMap(({ open, close }) => {
    if (close) return toPeriods(open, close);
    if (raw.length === 1) return [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' }));
    return [{ day: open.day, open: hhmm(open.hour * 60 + open.minute), close: '24:00' }];
  });
  periods.sort((a, b) => a.day - b.day || a.open.localeCompare(b.open));
  const openNow = currentOpenNow ?? regular?.openNow;
  return {
    periods,
    ...(openNow === undefined ? {} : { openNow }),
    ...(regular?.weekdayDescriptions ? { weekdayDescriptions: regular.weekdayDescriptions } : {}),
  };
}
