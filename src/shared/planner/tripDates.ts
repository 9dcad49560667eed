const DAY_MS = 86_400_000;

function parseDate(value: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`expected YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** Every date from `start` to `end` inclusive, as `YYYY-MM-DD` (calendar arithmetic in UTC, no zone). */
export function tripDates(start: string, end: string): string[] {
  const first = parseDate(start);
  const last = parseDate(end);
  const dates: string[] = [];
  for (let at = first; at <= last; at += DAY_MS) dates.push(new Date(at).toISOString().slice(0, 10));
  return dates;
}

/** Day of the week of a calendar date, Sunday = 0 (the convention of `OpeningPeriod.day`). */
export function weekdayOf(date: string): number {
  return new Date(parseDate(date)).getUTCDay();
}
