import type { PlannedDays, TripPool } from './planDays.js';
import { ANY_DAY } from './splitDays.js';

/**
 * For each stated preference no planned place meets although a suitable candidate of its kind is
 * open on some day of the trip, the best such candidate: the one the trip should plan so that the
 * preference is really met (a palace-loving grandmother gets a palace even when the best palace is
 * closed one day and another loses on score). Keyed by place id, with the day from which it is due.
 */
export function preferenceWishes(
  pool: TripPool,
  planned: PlannedDays,
  /** Due from the first day it is open (when its area's day could not hold it: a tired day). */
  earliest = false,
): Map<string, number> {
  const { scored, openOn, homeDay } = pool;
  const wishes = new Map<string, number>();
  const uncovered = new Set(
    scored.visits.flatMap((v) => v.matchedPreferences).filter((p) => !planned.covered.has(p)),
  );
  for (const preference of uncovered) {
    // Visits are best first: the first open one matching the preference is the one to plan.
    const i = scored.visits.findIndex(
      (v, at) => v.matchedPreferences.includes(preference) && openOn[at]!.some(Boolean),
    );
    if (i < 0 || wishes.has(scored.visits[i]!.place.id)) continue;
    wishes.set(
      scored.visits[i]!.place.id,
      earliest ? openOn[i]!.indexOf(true) : dueFrom(openOn[i]!, homeDay[i]!),
    );
  }
  return wishes;
}

/**
 * The first day a wished-for place is due: its own area's day when it is open then, else the last
 * open day before it, else its first open day (a palace closed on its area's day goes another day).
 */
function dueFrom(open: readonly boolean[], home: number): number {
  if (home === ANY_DAY || open[home]) return home === ANY_DAY ? 0 : home;
  const before = open.slice(0, home).lastIndexOf(true);
  return before >= 0 ? before : open.indexOf(true);
}

/** Whether `next` meets more preferences than `first` without losing a meal or a day's visits. */
export function meetsMorePreferences(first: PlannedDays, next: PlannedDays): boolean {
  const count = (p: PlannedDays, code: string) => p.warnings.filter((w) => w.code === code).length;
  return (
    next.covered.size > first.covered.size &&
    [...first.covered].every((p) => next.covered.has(p)) &&
    count(next, 'meal_not_scheduled') <= count(first, 'meal_not_scheduled') &&
    count(next, 'day_without_visits') <= count(first, 'day_without_visits')
  );
}
