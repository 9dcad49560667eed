import type { Place } from '../domain/place.js';
import type { GroupProfile } from './groupProfile.js';
import { clip, type Interval, visitableIntervals } from './openingWindows.js';
import { kindOf } from './placeKind.js';
import type { TimeWindow } from './solvers/routingProblem.js';
import type { TravelModel } from './TravelModel.js';
import { type MealRule, plannedMealMinutes, plannedVisitMinutes } from './visitDurations.js';

/** What the planner knows about one trip day. Point 0 of `travel` is the accommodation, i + 1 is places[i]. */
export interface DayContext {
  readonly date: string;
  readonly weekday: number;
  /** Minutes since midnight; the day starts and ends at the accommodation. */
  readonly dayStart: number;
  readonly dayEnd: number;
  readonly profile: GroupProfile;
  readonly travel: TravelModel;
  readonly meals: readonly MealRule[];
  readonly places: readonly Place[];
  /** Local sunset, minutes since midnight (outdoor visits end by then); unknown in polar day or night. */
  readonly sunset?: number;
}

/** A visit or meal that can be placed on the day. */
export interface PlannedStop {
  readonly kind: 'visit' | 'meal';
  /** Index into `DayContext.places`. */
  readonly placeIndex: number;
  readonly meal?: MealRule['meal'];
  /** Length of the visit or meal itself. */
  readonly minutes: number;
  /** Rest after it (slower groups), part of its service time. */
  readonly restAfter: number;
  /** Earliest and latest start. */
  readonly window: TimeWindow;
  /** False when the place's hours are unknown and the default window stands in. */
  readonly hoursKnown: boolean;
}

/** Slack a meal needs beyond its own length inside the day (getting there). */
const MEAL_TRAVEL_ALLOWANCE = 30;

/** The meals a day must have: those whose window overlaps the day by the meal plus travel. */
export function requiredMeals(
  context: Pick<DayContext, 'dayStart' | 'dayEnd' | 'meals' | 'profile'>,
): MealRule[] {
  return context.meals.filter((rule) => {
    const overlap = Math.min(context.dayEnd, rule.windowEnd) - Math.max(context.dayStart, rule.windowStart);
    return overlap >= plannedMealMinutes(rule, context.profile) + MEAL_TRAVEL_ALLOWANCE;
  });
}

/** The place as a visit on this day, or `undefined` when it is closed or no interval is long enough. */
export function visitStop(context: DayContext, placeIndex: number): PlannedStop | undefined {
  const place = context.places[placeIndex]!;
  const minutes = plannedVisitMinutes(place, context.profile);
  const { intervals, known } = visitableIntervals(place, context.weekday);
  const window = startWindow(clip(intervals, ...daylightBounds(context, place, minutes)), minutes);
  if (!window) return undefined;
  return {
    kind: 'visit',
    placeIndex,
    minutes,
    restAfter: context.profile.restMinutes,
    window,
    hoursKnown: known,
  };
}

/** The restaurant as this meal, or `undefined` when it is not open long enough inside the meal window. */
export function mealStop(context: DayContext, placeIndex: number, rule: MealRule): PlannedStop | undefined {
  const place = context.places[placeIndex]!;
  const minutes = plannedMealMinutes(rule, context.profile);
  const { intervals, known } = visitableIntervals(place, context.weekday);
  const from = Math.max(context.dayStart, rule.windowStart);
  const to = Math.min(context.dayEnd, rule.windowEnd);
  const window = startWindow(clip(intervals, from, to), minutes);
  if (!window) return undefined;
  return { kind: 'meal', placeIndex, meal: rule.meal, minutes, restAfter: 0, window, hoursKnown: known };
}

/** Minutes an evening place (a view, a night market) is best started before sunset. */
const EVENING_BEFORE_SUNSET = 30;

/**
 * The part of the day a visit may take: outdoor places (parks, beaches, mountains, gardens) end by
 * sunset; views and night markets start around sunset when the day lasts long enough after it.
 */
export function daylightBounds(
  context: Pick<DayContext, 'dayStart' | 'dayEnd' | 'sunset'>,
  place: Place,
  minutes: number,
): [number, number] {
  const kind = kindOf(place);
  const { dayStart, dayEnd, sunset } = context;
  if (sunset === undefined || kind === undefined) return [dayStart, dayEnd];
  if (kind.outdoor) return [dayStart, Math.min(dayEnd, sunset)];
  const eveningStart = sunset - EVENING_BEFORE_SUNSET;
  if (kind.evening && eveningStart + minutes <= dayEnd) return [Math.max(dayStart, eveningStart), dayEnd];
  return [dayStart, dayEnd];
}

/**
 * The start window inside the longest interval that fits the stop. Only one interval is used: a
 * place with a midday break is scheduled in its longer half, which keeps the solvers single-window.
 */
function startWindow(intervals: readonly Interval[], minutes: number): TimeWindow | undefined {
  let best: Interval | undefined;
  for (const interval of intervals) {
    if (interval.end - interval.start < minutes) continue;
    if (!best || interval.end - interval.start > best.end - best.start) best = interval;
  }
  return best ? [best.start, best.end - minutes] : undefined;
}
