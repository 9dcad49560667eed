import type { Place } from '../../domain/place.js';
import { type DayContext, requiredMeals } from '../dayStops.js';
import { isWithin, UNKNOWN_HOURS_WINDOW, visitableIntervals } from '../openingWindows.js';
import type { ItineraryItem } from '../planTypes.js';
import type { ShownStop } from './dayRouteGap.js';
import type { FlagViolation } from './violations.js';

/**
 * Whether a stop lies inside the place's opening hours of that date. Returns false when the hours
 * are unknown: a risk to count, allowed only inside the conservative default window.
 */
export function checkOpen(
  context: DayContext,
  place: Place,
  item: ItineraryItem,
  start: number,
  end: number,
  flag: FlagViolation,
): boolean {
  const { intervals, known } = visitableIntervals(place, context.weekday);
  if (!known) {
    if (!isWithin([UNKNOWN_HOURS_WINDOW], start, end)) {
      flag(
        'unknown_hours_outside_default',
        `${place.name} has unknown hours and is scheduled outside the default window`,
        item,
      );
    }
    return false;
  }
  if (intervals.length === 0) flag('closed_day', `${place.name} is closed on ${context.date}`, item);
  else if (!isWithin(intervals, start, end))
    flag('closed', `${place.name} is not open ${item.start}–${item.end}`, item);
  return true;
}

/** Check the meals the day is due; returns how many are present inside their windows. */
export function checkMeals(
  context: DayContext,
  stops: readonly ShownStop[],
  flag: FlagViolation,
): { due: number; inWindow: number } {
  const due = requiredMeals(context);
  const meals = stops.filter((s) => s.item.kind === 'meal');
  let inWindow = 0;
  for (const rule of due) {
    const match = meals.find((s) => (s.item.meal ?? inferMeal(context, s.start)) === rule.meal);
    if (!match) flag('meal_missing', `no ${rule.meal} on ${context.date}`);
    else if (match.start < rule.windowStart || match.end > rule.windowEnd) {
      flag('meal_outside_window', `${rule.meal} outside its window`, match.item);
    } else inWindow++;
  }
  return { due: due.length, inWindow };
}

function inferMeal(context: DayContext, start: number): string | undefined {
  return context.meals.find((m) => start >= m.windowStart && start < m.windowEnd)?.meal;
}

/** A place shown in an itinerary is the provider's candidate only if id, name and location agree. */
export function samePlace(shown: Place, candidate: Place): boolean {
  return (
    shown.id === candidate.id &&
    shown.name === candidate.name &&
    Math.abs(shown.location.lat - candidate.location.lat) < 1e-6 &&
    Math.abs(shown.location.lng - candidate.location.lng) < 1e-6
  );
}
