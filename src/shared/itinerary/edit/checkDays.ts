import type { PlanningContext } from '../../planner/planningContext.js';
import type {
  ItineraryDay as PlanDay,
  ItineraryItem as PlanItem,
  PlanRequest,
} from '../../planner/planTypes.js';
import { validateItinerary, type Violation, type ViolationKind } from '../../planner/validateItinerary.js';
import type { ItineraryDay, ItineraryWarning } from '../ItineraryDocument.js';

/**
 * Violations that make an itinerary wrong rather than merely tiring: a place that does not exist or
 * is closed, overlapping or out-of-order times, times outside the day, a visit twice, a leg too short
 * to make. Meals and pace are advice (warnings).
 */
export const HARD_VIOLATIONS: ReadonlySet<ViolationKind> = new Set<ViolationKind>([
  'unknown_place',
  'closed',
  'closed_day',
  'unknown_hours_outside_default',
  'chronology',
  'outside_day',
  'duplicate_visit',
  'missing_leg',
  'leg_too_short',
]);

export interface DayCheck {
  /** Hard violations on the given dates (and repeated visits anywhere). */
  readonly hard: Violation[];
  /** Soft ones on the given dates. */
  readonly soft: Violation[];
}

/** Validate the whole itinerary with the planner's validator; report what concerns `dates`. */
export function checkDays(
  request: PlanRequest,
  context: PlanningContext,
  days: readonly ItineraryDay[],
  dates: ReadonlySet<string>,
): DayCheck {
  const report = validateItinerary(request, { days: days.map(toPlanDay) }, { context });
  const relevant = report.violations.filter((v) => dates.has(v.date) || v.kind === 'duplicate_visit');
  return {
    hard: relevant.filter((v) => HARD_VIOLATIONS.has(v.kind)),
    soft: relevant.filter((v) => !HARD_VIOLATIONS.has(v.kind)),
  };
}

/** The stored day in the planner's shape (items name their place by id). */
export function toPlanDay(day: ItineraryDay): PlanDay {
  return {
    date: day.date,
    items: day.items.map((item): PlanItem => ({
      id: item.id,
      kind: item.kind,
      start: item.start,
      end: item.end,
      ...(item.place ? { placeId: item.place.id, place: item.place } : {}),
      ...(item.travel ? { travel: item.travel } : {}),
      ...(item.meal ? { meal: item.meal } : {}),
    })),
  };
}

/** A violation as the traveller reads it on the itinerary. */
export function violationWarning(v: Violation): ItineraryWarning {
  return {
    code: v.kind,
    message: v.message,
    date: v.date,
    ...(v.itemId ? { itemId: v.itemId } : {}),
    ...(v.placeId ? { placeId: v.placeId } : {}),
  };
}
