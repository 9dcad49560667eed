import type { OpeningPeriod } from '../../../shared/domain/place.js';

const DAY = 24 * 60;
const WEEK = 7 * DAY;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Whether a place with these weekly periods is open at `at`, in local time `utcOffsetMinutes` from UTC. */
export function isOpenAt(periods: readonly OpeningPeriod[], at: Date, utcOffsetMinutes: number): boolean {
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const now = local.getUTCDay() * DAY + local.getUTCHours() * 60 + local.getUTCMinutes();
  return periods.some((p) => {
    const start = p.day * DAY + minutes(p.open);
    let end = (p.closeDay ?? p.day) * DAY + minutes(p.close);
    if (end <= start) end += WEEK;
    return (now >= start && now < end) || (now + WEEK >= start && now + WEEK < end);
  });
}
