import { type PlanningContext, planningContext } from './planningContext.js';
import type { ItineraryDay, PlanRequest } from './planTypes.js';
import { distinctPreferences, preferenceMatcher } from './preferenceMatch.js';
import { validateDay } from './validation/validateDay.js';
import { METRIC_OF, type Violation } from './validation/violations.js';
import type { MealRule } from './visitDurations.js';

export type { Violation, ViolationKind } from './validation/violations.js';

/** The measured quality of one itinerary (the benchmark aggregates these). */
export interface ItineraryMetrics {
  readonly days: number;
  readonly visits: number;
  readonly meals: number;
  /** 1 — visits or meals at places that are not candidates from the providers. */
  readonly placesNotFromProvider: number;
  /** 2 — visits or meals outside opening hours or on closed days. */
  readonly visitsOutsideOpeningHours: number;
  /** 3 — overlaps, reversed times, items outside the day, repeated visits. */
  readonly chronologyErrors: number;
  /** 4 — legs shorter than the provider's (or estimate's) travel time, or missing. */
  readonly legsTooShort: number;
  /** 5 — per day, % more travel than the optimal order of the same stops (`null`: not computable). */
  readonly routeGapPercentByDay: (number | null)[];
  /**
   * 6 — self-crossings of the day routes; of the optimal orders of the same stops; and the
   * crossings no time window forces (a 2-opt move would remove them, still feasible, no more travel).
   */
  readonly routeSelfCrossings: number;
  readonly optimumSelfCrossings: number;
  readonly unforcedSelfCrossings: number;
  /** 7 — days due both meals, and those that have both inside their windows. */
  readonly fullDays: number;
  readonly fullDaysWithBothMeals: number;
  readonly requiredMeals: number;
  readonly requiredMealsInWindow: number;
  /** 8 — days over the pace caps of the most limited traveller (or with an unsuitable place). */
  readonly daysOverPace: number;
  /** 9 — visits whose length is within the category's recommended range. */
  readonly visitsWithinRecommendedDuration: number;
  /** 10 — distinct stated preferences, how many some stop satisfies, distinct categories per day. */
  readonly preferencesStated: number;
  readonly preferencesCovered: number;
  readonly categoriesPerDay: number[];
  /** Risk, not a violation: visits at places whose opening hours are unknown. */
  readonly unknownHoursVisits: number;
  readonly legs: number;
  readonly estimatedLegs: number;
  /** Violations per metric number (1, 2, 3, 4, 7, 8). */
  readonly violationsByMetric: Readonly<Record<string, number>>;
}

export interface ValidationReport {
  readonly violations: Violation[];
  readonly metrics: ItineraryMetrics;
}

export interface ValidateOptions {
  readonly meals?: readonly MealRule[];
  /** Reuse an already derived context (the planner passes its own). */
  readonly context?: PlanningContext;
}

/**
 * Check any itinerary against its request and measure it: every violation is reported (not just
 * the first), with the day, item and place it concerns. Pure and deterministic.
 */
export function validateItinerary(
  request: PlanRequest,
  itinerary: { readonly days: readonly ItineraryDay[] },
  options: ValidateOptions = {},
): ValidationReport {
  const context = options.context ?? planningContext(request, options.meals);
  const byDate = new Map(context.days.map((day) => [day.date, day]));
  const seenVisits = new Set<string>();
  const violations: Violation[] = [];
  const findings = itinerary.days.flatMap((day) => {
    const dayContext = byDate.get(day.date);
    if (!dayContext) {
      violations.push({
        kind: 'outside_day',
        date: day.date,
        message: `${day.date} is not a day of the trip`,
      });
      return [];
    }
    const result = validateDay(dayContext, day, context.placeIndex, seenVisits);
    violations.push(...result.violations);
    return [result];
  });

  const preferences = distinctPreferences(request.trip.members.map((m) => m.preferences));
  const used = findings.flatMap((f) => f.places);
  const covered = preferences.filter((p) => {
    const matcher = preferenceMatcher(p);
    return used.some((place) => matcher.matches(place));
  });
  const count = (metric: number) => violations.filter((v) => METRIC_OF[v.kind] === metric).length;
  const sum = (pick: (f: (typeof findings)[number]) => number) =>
    findings.reduce((total, f) => total + pick(f), 0);
  return {
    violations,
    metrics: {
      days: itinerary.days.length,
      visits: sum((f) => f.visits),
      meals: sum((f) => f.meals),
      placesNotFromProvider: count(1),
      visitsOutsideOpeningHours: count(2),
      chronologyErrors: count(3),
      legsTooShort: count(4),
      routeGapPercentByDay: findings.map((f) => (f.routeGap ? round(f.routeGap.gapPercent) : null)),
      routeSelfCrossings: sum((f) => f.crossings),
      optimumSelfCrossings: sum((f) => f.optimumCrossings),
      unforcedSelfCrossings: sum((f) => f.unforcedCrossings),
      fullDays: findings.filter((f) => f.fullDay).length,
      fullDaysWithBothMeals: findings.filter((f) => f.fullDayWithBothMeals).length,
      requiredMeals: sum((f) => f.requiredMeals),
      requiredMealsInWindow: sum((f) => f.requiredMealsInWindow),
      daysOverPace: findings.filter((f) => f.overPace).length,
      visitsWithinRecommendedDuration: sum((f) => f.visitsWithinDuration),
      preferencesStated: preferences.length,
      preferencesCovered: covered.length,
      categoriesPerDay: findings.map((f) => f.distinctCategories),
      unknownHoursVisits: sum((f) => f.unknownHoursVisits),
      legs: sum((f) => f.legs),
      estimatedLegs: sum((f) => f.estimatedLegs),
      violationsByMetric: Object.fromEntries([1, 2, 3, 4, 7, 8].map((m) => [String(m), count(m)])),
    },
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
