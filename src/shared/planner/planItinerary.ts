import { dayItems } from './dayItems.js';
import { scheduleStops } from './daySchedule.js';
import { visitStop } from './dayStops.js';
import { UNKNOWN_HOURS_WINDOW } from './openingWindows.js';
import { planDay } from './planDay.js';
import { planningContext } from './planningContext.js';
import type { DroppedPlace, ItineraryDay, PlanRequest, PlanWarning } from './planTypes.js';
import { repairItinerary } from './repairItinerary.js';
import { scoreCandidates } from './scoreCandidates.js';
import { DEFAULT_TSPTW_OPTIONS } from './solvers/solveTsptw.js';
import { ANY_DAY, splitDays } from './splitDays.js';
import { formatHhmm } from './timeOfDay.js';
import { type ItineraryMetrics, validateItinerary, type Violation } from './validateItinerary.js';
import { DEFAULT_MEALS, type MealRule, plannedVisitMinutes } from './visitDurations.js';

export interface PlanOptions {
  /** Meal windows and lengths (default lunch 11:30–14:00, dinner 17:30–20:30). */
  readonly meals?: readonly MealRule[];
  /** ILS stopping rule per day (default 100 shakes without improvement). */
  readonly maxNoImprovement?: number;
  /** Largest day ordered exactly by the subset DP (default 12). */
  readonly exactLimit?: number;
  readonly seed?: number;
}

/** Planner metrics: the validator's measurements plus what planning saw. */
export interface PlanMetrics extends ItineraryMetrics {
  readonly candidates: number;
  readonly rankingApplied: boolean;
  /** Ranking ids that were not candidates (dropped and counted, never planned). */
  readonly rankingIdsIgnored: number;
  /** Violations the first plan had before repair (0 when none was needed). */
  readonly violationsBeforeRepair: number;
}

/** The planner's answer (docs/architecture.md#api-contract itinerary shape, plus metrics). */
export interface PlanResult {
  readonly days: ItineraryDay[];
  readonly warnings: PlanWarning[];
  readonly dropped: DroppedPlace[];
  /** Violations left after repair (normally none). */
  readonly violations: Violation[];
  readonly metrics: PlanMetrics;
}

/** A visit outside its day's sector is worth this share of its score on that day. */
const OTHER_SECTOR_WEIGHT = 0.5;

/**
 * Plan a trip: score the candidates for the group, split them into days by geography around the
 * accommodation, plan each day (which places, in which order, with lunch and dinner), then validate
 * the whole itinerary and repair what fails. Pure and deterministic: no I/O, no clock, no
 * randomness beyond a fixed seed.
 */
export function planItinerary(request: PlanRequest, options: PlanOptions = {}): PlanResult {
  const meals = options.meals ?? DEFAULT_MEALS;
  const dayOptions = {
    maxNoImprovement: options.maxNoImprovement ?? 100,
    exactLimit: options.exactLimit ?? DEFAULT_TSPTW_OPTIONS.exactLimit,
    seed: options.seed ?? DEFAULT_TSPTW_OPTIONS.seed,
  };
  const context = planningContext(request, meals);
  const { trip } = request;
  const scored = scoreCandidates(request.places, trip.members, context.profile, request.ranking);
  const openOn = scored.visits.map((v) => context.days.map((day) => visitStop(day, v.index) !== undefined));
  const homeDay = splitDays(
    trip.accommodation,
    scored.visits.map((v, i) => ({ location: v.place.location, score: v.score, openOn: openOn[i]! })),
    context.days.length,
  );

  const warnings: PlanWarning[] = [];
  const usedVisits = new Set<number>();
  const usedRestaurants = new Set<number>();
  const days: ItineraryDay[] = context.days.map((day, d) => {
    const visits = scored.visits
      .map((scoredPlace, i) => ({ scored: scoredPlace, i }))
      .filter(({ scored: s, i }) => !usedVisits.has(s.index) && openOn[i]![d])
      .map(({ scored: s, i }) => ({
        scored: s,
        weight: homeDay[i] === d || homeDay[i] === ANY_DAY ? 1 : OTHER_SECTOR_WEIGHT,
      }));
    // Prefer restaurants not eaten at yet; go back to known ones when no new one can serve a meal.
    const fresh = scored.restaurants.filter((r) => !usedRestaurants.has(r.index));
    let plan = planDay(day, { visits, restaurants: fresh }, dayOptions);
    if (plan.missingMeals.length > 0 && fresh.length < scored.restaurants.length) {
      const again = planDay(day, { visits, restaurants: scored.restaurants }, dayOptions);
      if (again.missingMeals.length < plan.missingMeals.length) plan = again;
    }
    for (const stop of plan.stops)
      (stop.kind === 'visit' ? usedVisits : usedRestaurants).add(stop.placeIndex);
    for (const rule of plan.missingMeals) {
      warnings.push({
        code: 'meal_not_scheduled',
        date: day.date,
        message: `No restaurant open for ${rule.meal} could be fitted on ${day.date}`,
      });
    }
    for (const stop of plan.stops.filter((s) => !s.hoursKnown)) {
      const place = request.places[stop.placeIndex]!;
      warnings.push({
        code: 'unknown_opening_hours',
        date: day.date,
        placeId: place.id,
        message: `Opening hours of ${place.name} are unknown; it is scheduled within ${formatHhmm(UNKNOWN_HOURS_WINDOW.start)}–${formatHhmm(UNKNOWN_HOURS_WINDOW.end)} — check before going`,
      });
    }
    if (!plan.stops.some((s) => s.kind === 'visit')) {
      warnings.push({
        code: 'day_without_visits',
        date: day.date,
        message: `No place could be scheduled on ${day.date}`,
      });
    }
    return { date: day.date, items: dayItems(day, scheduleStops(day, plan.stops)) };
  });

  const dropped: DroppedPlace[] = [...scored.excluded];
  const dayLength = Math.max(...context.days.map((d) => d.dayEnd - d.dayStart));
  scored.visits.forEach((v, i) => {
    if (usedVisits.has(v.index)) return;
    const roundTrip = context.travel.leg(0, v.index + 1).minutes + context.travel.leg(v.index + 1, 0).minutes;
    const reason = !openOn[i]!.some(Boolean)
      ? 'closed (or not open long enough) on every day of the trip'
      : roundTrip + plannedVisitMinutes(v.place.category, context.profile) > dayLength
        ? 'too far from the accommodation to fit in a day'
        : 'did not fit the schedule (lower priority than the chosen places)';
    dropped.push({ placeId: v.place.id, name: v.place.name, reason });
  });

  const first = validateItinerary(request, { days }, { context });
  let final = { days, report: first };
  // A missing meal means no restaurant could be fitted: re-timing cannot fix it, so it is only reported.
  const repairable = first.violations.filter((v) => v.kind !== 'meal_missing');
  if (repairable.length > 0) {
    const scoreOf = new Map([...scored.visits, ...scored.restaurants].map((s) => [s.index, s.score]));
    const repaired = repairItinerary({ days }, repairable, context, (index) => scoreOf.get(index) ?? 0);
    dropped.push(...repaired.dropped);
    warnings.push({
      code: 'repaired',
      message: `Repaired ${repaired.repairedDates.join(', ')}: ${repairable.length} problem(s) found`,
    });
    final = { days: repaired.days, report: validateItinerary(request, { days: repaired.days }, { context }) };
  }
  if (context.travel.ignoredModes.length > 0) {
    warnings.push({
      code: 'matrix_shape_mismatch',
      message: `Ignored ${context.travel.ignoredModes.join(', ')} matrices of the wrong size; legs were estimated`,
    });
  }
  const { legs, estimatedLegs } = final.report.metrics;
  if (estimatedLegs > 0)
    warnings.push({
      code: 'estimated_travel',
      message: `${estimatedLegs} of ${legs} travel legs are estimated from distance`,
    });
  if (scored.rankingIdsIgnored > 0) {
    warnings.push({
      code: 'ranking_ids_ignored',
      message: `${scored.rankingIdsIgnored} ranked id(s) were not candidates and were ignored`,
    });
  }
  return {
    days: final.days,
    warnings,
    dropped,
    violations: final.report.violations,
    metrics: {
      ...final.report.metrics,
      candidates: request.places.length,
      rankingApplied: (request.ranking?.length ?? 0) > 0,
      rankingIdsIgnored: scored.rankingIdsIgnored,
      violationsBeforeRepair: first.violations.length,
    },
  };
}
