import { dayItems } from './dayItems.js';
import { scheduleStops } from './daySchedule.js';
import { type DayContext, mealStop, type PlannedStop, visitStop } from './dayStops.js';
import type { PlanningContext } from './planningContext.js';
import type { DroppedPlace, ItineraryDay, ItineraryItem } from './planTypes.js';
import { solveTsptw } from './solvers/solveTsptw.js';
import { parseHhmm } from './timeOfDay.js';
import type { Violation, ViolationKind } from './validation/violations.js';

export interface RepairResult {
  readonly days: ItineraryDay[];
  readonly dropped: DroppedPlace[];
  /** Dates whose items were rebuilt. */
  readonly repairedDates: string[];
}

/** Stops with these violations cannot be saved by re-timing: they are removed. */
const REMOVE_KINDS: readonly ViolationKind[] = [
  'unknown_place',
  'closed_day',
  'duplicate_visit',
  'unsuitable',
];

/**
 * Repair the days that have violations: remove stops that cannot be right on that day (not a
 * candidate, closed all day, repeated, unsuitable for the group), re-time the rest inside their
 * windows (this fixes overlaps, short legs, visits outside hours and meals outside their windows),
 * re-order when the kept order no longer fits, and then drop the lowest-scoring visits until the
 * day fits its hours and the group's pace. Everything removed is listed with its reason.
 */
export function repairItinerary(
  itinerary: { readonly days: readonly ItineraryDay[] },
  violations: readonly Violation[],
  context: PlanningContext,
  scoreOf: (placeIndex: number) => number,
): RepairResult {
  const dropped: DroppedPlace[] = [];
  const repairedDates: string[] = [];
  const days = itinerary.days.map((day) => {
    const dayContext = context.days.find((d) => d.date === day.date);
    const own = violations.filter((v) => v.date === day.date);
    if (!dayContext || own.length === 0) return day;
    repairedDates.push(day.date);
    const stops = keptStops(dayContext, day.items, own, context, dropped);
    return { date: day.date, items: dayItems(dayContext, fit(dayContext, stops, scoreOf, dropped)) };
  });
  return { days, dropped, repairedDates };
}

function keptStops(
  context: DayContext,
  items: readonly ItineraryItem[],
  violations: readonly Violation[],
  planning: PlanningContext,
  dropped: DroppedPlace[],
): PlannedStop[] {
  const stops: PlannedStop[] = [];
  for (const item of items) {
    if (item.kind !== 'visit' && item.kind !== 'meal') continue;
    const name = item.place?.name ?? item.placeId ?? 'unknown place';
    const fatal = violations.find((v) => v.itemId === item.id && REMOVE_KINDS.includes(v.kind));
    const index = item.placeId === undefined ? undefined : planning.placeIndex.get(item.placeId);
    if (fatal || index === undefined) {
      dropped.push({
        placeId: item.placeId ?? '',
        name,
        reason: fatal?.message ?? 'not a candidate from the providers',
      });
      continue;
    }
    const stop = item.kind === 'visit' ? visitStop(context, index) : mealFor(context, index, item);
    if (stop) stops.push(stop);
    else dropped.push({ placeId: item.placeId!, name, reason: `not open long enough on ${context.date}` });
  }
  return stops;
}

function mealFor(context: DayContext, index: number, item: ItineraryItem): PlannedStop | undefined {
  const start = parseHhmm(item.start);
  const rule =
    context.meals.find((m) => m.meal === item.meal) ??
    context.meals.find((m) => start >= m.windowStart && start < m.windowEnd);
  return rule ? mealStop(context, index, rule) : undefined;
}

/** Re-time; re-order if needed; then drop the weakest visits until the day fits. */
function fit(
  context: DayContext,
  start: PlannedStop[],
  scoreOf: (placeIndex: number) => number,
  dropped: DroppedPlace[],
) {
  let stops = start;
  for (;;) {
    let schedule = scheduleStops(context, stops);
    if (!schedule.feasible) {
      stops = reordered(context, stops) ?? stops;
      schedule = scheduleStops(context, stops);
    }
    const visits = stops.filter((s) => s.kind === 'visit');
    const overPace =
      visits.length > context.profile.maxVisitsPerDay ||
      schedule.walkMeters > context.profile.maxWalkDayMeters;
    if (schedule.feasible && !overPace) return schedule;
    const pool = visits.length > 0 ? visits : stops;
    const weakest = pool.reduce((a, b) => (scoreOf(b.placeIndex) < scoreOf(a.placeIndex) ? b : a));
    const place = context.places[weakest.placeIndex]!;
    dropped.push({ placeId: place.id, name: place.name, reason: 'removed to repair the schedule' });
    stops = stops.filter((s) => s !== weakest);
  }
}

function reordered(context: DayContext, stops: readonly PlannedStop[]): PlannedStop[] | undefined {
  const points = [0, ...stops.map((s) => s.placeIndex + 1)];
  const solution = solveTsptw({
    travel: points.map((a) => points.map((b) => context.travel.leg(a, b).minutes)),
    windows: [[context.dayStart, context.dayEnd], ...stops.map((s) => s.window)],
    service: [0, ...stops.map((s) => s.minutes + s.restAfter)],
  });
  return solution.feasible ? solution.route.map((i) => stops[i - 1]!) : undefined;
}
