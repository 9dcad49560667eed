import type { Place } from '../../domain/place.js';
import type { DayContext } from '../dayStops.js';
import { unsuitabilityReason } from '../placeTraits.js';
import type { ItineraryDay } from '../planTypes.js';
import { parseHhmm } from '../timeOfDay.js';
import { visitRange } from '../visitDurations.js';
import { dayRouteGap, type RouteGap, type ShownStop } from './dayRouteGap.js';
import { LegTally } from './LegTally.js';
import { routeShape } from './routeShape.js';
import { checkMeals, checkOpen, samePlace } from './stopChecks.js';
import type { FlagViolation, Violation, ViolationKind } from './violations.js';

const PACE_KINDS: readonly ViolationKind[] = ['pace_visits', 'pace_walk_leg', 'pace_walk_day', 'unsuitable'];

/** What one day contributes to the itinerary metrics. */
export interface DayFindings {
  readonly violations: Violation[];
  readonly visits: number;
  readonly meals: number;
  readonly visitsWithinDuration: number;
  readonly unknownHoursVisits: number;
  readonly requiredMeals: number;
  readonly requiredMealsInWindow: number;
  /** Both lunch and dinner are due on this day. */
  readonly fullDay: boolean;
  readonly fullDayWithBothMeals: boolean;
  readonly overPace: boolean;
  readonly routeGap: RouteGap | undefined;
  readonly crossings: number;
  readonly optimumCrossings: number;
  /** Crossings a 2-opt move could undo without breaking a window or adding travel. */
  readonly unforcedCrossings: number;
  readonly distinctCategories: number;
  readonly legs: number;
  readonly estimatedLegs: number;
  /** Provider places the day actually uses (for preference coverage). */
  readonly places: Place[];
}

function minutesOf(value: string): number | undefined {
  try {
    return parseHhmm(value);
  } catch {
    return undefined;
  }
}

/**
 * Check one day against the request. `placeIndex` maps provider place ids to their index in the
 * request; `seenVisits` collects visited place ids across days (for duplicate detection).
 */
export function validateDay(
  context: DayContext,
  day: ItineraryDay,
  placeIndex: ReadonlyMap<string, number>,
  seenVisits: Set<string>,
): DayFindings {
  const violations: Violation[] = [];
  const flag: FlagViolation = (kind, message, item) =>
    violations.push({
      kind,
      date: day.date,
      message,
      ...(item ? { itemId: item.id } : {}),
      ...(item?.placeId ? { placeId: item.placeId } : {}),
    });
  const { profile } = context;
  const nameOf = (point: number) =>
    point === 0 ? 'accommodation' : (context.places[point - 1]?.name ?? '?');
  const legs = new LegTally(context.travel, profile, flag, nameOf);
  const stops: ShownStop[] = [];
  const places: Place[] = [];
  const categories = new Set<string>();
  let visits = 0;
  let visitsWithinDuration = 0;
  let unknownHoursVisits = 0;
  let previousEnd = context.dayStart;
  let previousPoint = 0;

  for (const [position, item] of day.items.entries()) {
    const start = minutesOf(item.start);
    const end = minutesOf(item.end);
    if (start === undefined || end === undefined || end < start) {
      flag('chronology', `invalid times ${item.start}–${item.end}`, item);
      continue;
    }
    if (start < previousEnd) {
      const kind = position === 0 ? 'outside_day' : 'chronology';
      flag(kind, `starts at ${item.start}, before the previous item ends`, item);
    }
    if (end > context.dayEnd) flag('outside_day', `ends at ${item.end}, after the day ends`, item);
    previousEnd = Math.max(previousEnd, end);
    if (item.kind === 'travel') {
      legs.hold(item);
      continue;
    }
    if (item.kind === 'rest') {
      // A rest right after a stop is part of its stay (the optimum keeps it there too).
      const last = stops.at(-1);
      if (last && last.restAfter === 0 && !legs.holding)
        stops[stops.length - 1] = { ...last, restAfter: end - start };
      continue;
    }
    const index = item.placeId === undefined ? undefined : placeIndex.get(item.placeId);
    const place = index === undefined ? undefined : context.places[index];
    if (index === undefined || !place || (item.place && !samePlace(item.place, place))) {
      flag('unknown_place', `${item.placeId ?? 'a stop'} is not a candidate from the providers`, item);
      continue;
    }
    legs.settle(previousPoint, index + 1);
    previousPoint = index + 1;
    stops.push({ item, point: index + 1, start, end, restAfter: 0 });
    places.push(place);
    if (!checkOpen(context, place, item, start, end, flag)) unknownHoursVisits++;
    const unsuitable = unsuitabilityReason(place, profile);
    if (unsuitable) flag('unsuitable', `${place.name}: ${unsuitable}`, item);
    if (item.kind === 'meal') continue;
    visits++;
    categories.add(place.category);
    const range = visitRange(place);
    if (end - start >= range.min && end - start <= range.max) visitsWithinDuration++;
    if (seenVisits.has(place.id)) flag('duplicate_visit', `${place.name} is visited twice`, item);
    seenVisits.add(place.id);
  }
  if (stops.length > 0) legs.settle(previousPoint, 0);

  if (visits > profile.maxVisitsPerDay) {
    flag('pace_visits', `${visits} visits exceed the group's ${profile.maxVisitsPerDay} per day`);
  }
  if (legs.walkMeters > profile.maxWalkDayMeters) {
    flag(
      'pace_walk_day',
      `${legs.walkMeters} m walked exceeds the group's ${profile.maxWalkDayMeters} m per day`,
    );
  }
  const meals = checkMeals(context, stops, flag);
  const gap = violations.length === 0 ? dayRouteGap(context, stops) : undefined;
  const bothMealsDue = meals.due === context.meals.length && meals.due >= 2;
  return {
    violations,
    visits,
    meals: stops.length - visits,
    visitsWithinDuration,
    unknownHoursVisits,
    requiredMeals: meals.due,
    requiredMealsInWindow: meals.inWindow,
    fullDay: bothMealsDue,
    fullDayWithBothMeals: bothMealsDue && meals.inWindow === meals.due,
    overPace: violations.some((v) => PACE_KINDS.includes(v.kind)),
    routeGap: gap,
    ...routeShape(context, stops, gap),
    distinctCategories: categories.size,
    legs: legs.legs,
    estimatedLegs: legs.estimatedLegs,
    places,
  };
}
