import { AppError } from '../../errors/AppError.js';
import { dayItems } from '../../planner/dayItems.js';
import { type DaySchedule, scheduleStops } from '../../planner/daySchedule.js';
import { type DayContext, mealStop, type PlannedStop, visitStop } from '../../planner/dayStops.js';
import { markFreeTime } from '../../planner/freeTime.js';
import { withReasons } from '../../planner/itemReasons.js';
import type { PlanningContext } from '../../planner/planningContext.js';
import { plannedMealMinutes, plannedVisitMinutes } from '../../planner/visitDurations.js';
import type { ItineraryDay, ItineraryItem } from '../ItineraryDocument.js';
import type { PlanningInputs } from './PlanningInputs.js';
import type { StopSpec } from './StopSpec.js';

/**
 * Time a day's stops in the given order with the planner's own scheduling (travel legs from the
 * same matrices, waits for opening, rests, the day's bounds) and turn it into itinerary items.
 * Stops keep their item id, memo, photos and chosen length and are given the planner's reason for
 * their new slot; travel and rest items are rebuilt, long waits marked as free time as on generated days.
 * A place that is closed that day still gets a slot (its window is the whole day): the validator
 * then reports it, so the caller can refuse or warn.
 */
export function retimeDay(
  inputs: Pick<PlanningInputs, 'context' | 'request' | 'matched'>,
  date: string,
  stops: readonly StopSpec[],
  locked = false,
): ItineraryDay {
  const { context } = inputs;
  const day = dayContext(context, date);
  const language = inputs.request.trip.language;
  // Long waits become marked free time, and each stop's reason is said afresh for its new time and
  // neighbours, as the planner does for a generated day.
  const timed = markFreeTime(date, dayItems(day, scheduleOf(context, date, stops)), language, day.dayStart);
  const items = withReasons(timed, {
    language,
    profile: context.profile,
    ...(day.sunset === undefined ? {} : { sunset: day.sunset }),
    matched: inputs.matched,
  });
  const result: ItineraryItem[] = [];
  let next = 0;
  const used = new Set<string>();
  for (const item of items) {
    const spec = item.kind === 'visit' || item.kind === 'meal' ? stops[next++] : undefined;
    const from = spec?.from;
    const id = uniqueId(from?.id ?? item.id, used);
    result.push({
      id,
      kind: item.kind,
      start: item.start,
      end: item.end,
      ...(item.place ? { place: spec?.place ?? item.place } : {}),
      ...(item.travel ? { travel: { ...item.travel } } : {}),
      ...(item.meal ? { meal: item.meal } : {}),
      ...(spec?.reason || item.reason ? { reason: spec?.reason || item.reason } : {}),
      ...(from?.warnings?.length || item.warnings?.length
        ? { warnings: [...(from?.warnings ?? item.warnings ?? [])] }
        : {}),
      ...(from?.memo ? { memo: from.memo } : {}),
      ...(from?.attachments?.length ? { attachments: from.attachments } : {}),
      ...(spec?.durationMinutes !== undefined ? { durationMinutes: spec.durationMinutes } : {}),
    });
  }
  return { date, items: result, ...(locked ? { locked: true } : {}) };
}

/** The planner's timing of the stops in this order (`feasible`, travel minutes). */
export function scheduleOf(context: PlanningContext, date: string, stops: readonly StopSpec[]): DaySchedule {
  const day = dayContext(context, date);
  return scheduleStops(
    day,
    stops.map((spec) => plannedStop(day, context, spec)),
  );
}

function dayContext(context: PlanningContext, date: string): DayContext {
  const day = context.days.find((d) => d.date === date);
  // The itinerary still has days the trip no longer has (its dates changed): only regenerating helps.
  if (!day)
    throw new AppError('conflict', 'Not a day of the trip', {
      detail: `${date} is no longer a day of the trip; regenerate the itinerary for the new dates`,
    });
  return day;
}

function plannedStop(day: DayContext, context: PlanningContext, spec: StopSpec): PlannedStop {
  const index = context.placeIndex.get(spec.place.id);
  if (index === undefined) throw new Error(`${spec.place.id} is not among the planning places`);
  const rule = spec.kind === 'meal' ? day.meals.find((m) => m.meal === spec.meal) : undefined;
  const stop = rule ? mealStop(day, index, rule) : visitStop(day, index);
  const minutes = rule ? plannedMealMinutes(rule, day.profile) : plannedVisitMinutes(spec.place, day.profile);
  const base: PlannedStop = stop ?? {
    kind: rule ? 'meal' : 'visit',
    placeIndex: index,
    ...(rule ? { meal: rule.meal } : {}),
    minutes,
    restAfter: rule ? 0 : day.profile.restMinutes,
    window: [day.dayStart, day.dayEnd - minutes],
    hoursKnown: true,
  };
  if (spec.durationMinutes === undefined) return base;
  // A longer stay must still end by the same latest time, so the latest start moves earlier.
  const latestEnd = base.window[1] + base.minutes;
  return {
    ...base,
    minutes: spec.durationMinutes,
    window: [base.window[0], Math.max(base.window[0], latestEnd - spec.durationMinutes)],
  };
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}
