import type { OpeningHours, Place } from '../domain/place.js';
import { parseHhmm } from './timeOfDay.js';

/** A span of minutes relative to one date's midnight; may start before 0 or end after 1440. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

const DAY = 1440;
const WEEK = 7 * DAY;

/**
 * When a place's hours are unknown it may only be scheduled inside this conservative window, and
 * every such visit is flagged and counted as a risk, never silently treated as open.
 */
export const UNKNOWN_HOURS_WINDOW: Interval = { start: 10 * 60, end: 17 * 60 };

/**
 * Whether the provider told us the hours. An empty period list is read as "unknown" too: a place
 * closed every day of the week would not be listed, so an empty list is missing data, not a fact.
 */
export function hasKnownHours(place: Pick<Place, 'openingHours'>): boolean {
  return (place.openingHours?.periods.length ?? 0) > 0;
}

/**
 * The open intervals of a weekday (Sunday = 0), merged and sorted, in that day's minutes. A period
 * that crosses midnight (close < open, or `closeDay` on a later day) spills into the next day, so
 * Saturday 18:00–02:00 shows up on Sunday as −360…120. A weekday with no period is closed.
 */
export function openIntervalsOn(hours: OpeningHours, weekday: number): Interval[] {
  const intervals: Interval[] = [];
  for (const period of hours.periods) {
    const open = parseHhmm(period.open);
    const close = parseHhmm(period.close);
    let closeDay = period.closeDay ?? (close <= open ? period.day + 1 : period.day);
    if (closeDay < period.day || (closeDay === period.day && close <= open)) closeDay += 7;
    const start = period.day * DAY + open;
    const end = closeDay * DAY + close;
    for (const weekShift of [-WEEK, 0, WEEK]) {
      const relativeStart = start + weekShift - weekday * DAY;
      const relativeEnd = end + weekShift - weekday * DAY;
      if (relativeEnd > 0 && relativeStart < DAY) intervals.push({ start: relativeStart, end: relativeEnd });
    }
  }
  return merge(intervals);
}

/**
 * Where a place can be visited on a weekday: its open intervals, or the conservative default
 * window when the hours are unknown (`known: false` then).
 */
export function visitableIntervals(
  place: Pick<Place, 'openingHours'>,
  weekday: number,
): { intervals: Interval[]; known: boolean } {
  if (!hasKnownHours(place)) return { intervals: [UNKNOWN_HOURS_WINDOW], known: false };
  return { intervals: openIntervalsOn(place.openingHours!, weekday), known: true };
}

/** Whether [start, end] lies inside one of the intervals. */
export function isWithin(intervals: readonly Interval[], start: number, end: number): boolean {
  return intervals.some((interval) => interval.start <= start && end <= interval.end);
}

/** Intersect each interval with [from, to]; drops what becomes empty. */
export function clip(intervals: readonly Interval[], from: number, to: number): Interval[] {
  return intervals
    .map((interval) => ({ start: Math.max(interval.start, from), end: Math.min(interval.end, to) }))
    .filter((interval) => interval.end > interval.start);
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, interval.end) };
    else merged.push(interval);
  }
  return merged;
}
