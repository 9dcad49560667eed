import { meetsMorePreferences, preferenceWishes } from './coverPreferences.js';
import { balanceLimit, dayVisitLimit, isBetterBalanced } from './dayEnergy.js';
import { visitStop } from './dayStops.js';
import { withReasons } from './itemReasons.js';
import { message } from './messages.js';
import { MUST_VISIT_PRIORITY, planDays, type TripPool } from './planDays.js';
import { planningContext } from './planningContext.js';
import type { DroppedPlace, ItineraryDay, PlanRequest, PlanWarning } from './planTypes.js';
import { repairItinerary } from './repairItinerary.js';
import { siteNeighbours } from './sameSite.js';
import { scoreCandidates } from './scoreCandidates.js';
import { DEFAULT_TSPTW_OPTIONS } from './solvers/solveTsptw.js';
import { ANY_DAY, splitDays } from './splitDays.js';
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
  /** For the traveller, in the trip's language. */
  readonly warnings: PlanWarning[];
  /** Internal facts for logs and metrics (estimated legs, repairs, ignored ranking ids), in English. */
  readonly notes: string[];
  readonly dropped: DroppedPlace[];
  /** Violations left after repair (normally none). */
  readonly violations: Violation[];
  readonly metrics: PlanMetrics;
}

/** A place this well rated by this many is worth telling the traveller about when it is left out. */
const TOP_SIGHT_RATING = 4.5;
const TOP_SIGHT_REVIEWS = 1_000;

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
  const language = trip.language;
  const scored = scoreCandidates(request.places, trip.members, context.profile, request.ranking);
  const openOn = scored.visits.map((v) => context.days.map((day) => visitStop(day, v.index) !== undefined));
  const homeDay = splitDays(
    trip.accommodation,
    scored.visits.map((v, i) => ({ location: v.place.location, score: v.score, openOn: openOn[i]! })),
    context.days.length,
  );
  // One site, one day: neighbours follow the best-scored place of their site.
  const neighbours = siteNeighbours(scored.visits.map((v) => v.place));
  scored.visits.forEach((_, i) => {
    for (const j of neighbours[i]!) if (j < i && homeDay[j] !== ANY_DAY) homeDay[i] = homeDay[j]!;
  });

  const pinned = new Set(request.mustVisit ?? []);
  const pool: TripPool = {
    request,
    days: context.days,
    scored,
    openOn,
    homeDay,
    neighbours,
    pinned,
    options: dayOptions,
  };
  // The group's energy sets each day's sightseeing; a lopsided trip is planned again with its busy
  // days capped near the mean, and kept when that spreads the days without losing sightseeing.
  const energy = (_: number, previous: number | undefined) => dayVisitLimit(context.profile, previous);
  let limit = energy;
  let planned = planDays(pool, energy);
  const cap = balanceLimit(planned.visitMinutes);
  if (cap !== undefined) {
    const capped = (_: number, previous: number | undefined) => dayVisitLimit(context.profile, previous, cap);
    const balanced = planDays(pool, capped);
    if (
      balanced.covered.size >= planned.covered.size &&
      isBetterBalanced(planned.visitMinutes, balanced.visitMinutes)
    ) {
      planned = balanced;
      limit = capped;
    }
  }
  // A stated preference is met whenever a suitable place of its kind is open some day: plan again
  // with the best such place due from its area's day (then, if that day cannot hold it, from the
  // first day it is open), and keep a plan that meets more without losing anything.
  for (const earliest of [false, true]) {
    const wishes = preferenceWishes(pool, planned, earliest);
    if (wishes.size === 0) break;
    const wished = planDays({ ...pool, wishes }, limit);
    if (meetsMorePreferences(planned, wished)) planned = wished;
  }
  const { days, warnings, usedVisits } = planned;

  const dropped: DroppedPlace[] = scored.excluded
    .filter((e) => e.code !== undefined && request.places[e.index]?.category !== 'restaurant')
    .map((e) => ({ placeId: e.placeId, name: e.name, reason: message(language, `dropped.${e.code!}`) }));
  const dayLength = Math.max(...context.days.map((d) => d.dayEnd - d.dayStart));
  // Whether no day could take `minutes` more sightseeing within the group's daily energy: the place
  // was left out for the travellers' pace, not for the schedule.
  const paceFull = (minutes: number) =>
    planned.visitMinutes.every(
      (m, d) => m + minutes > dayVisitLimit(context.profile, d > 0 ? planned.visitMinutes[d - 1] : undefined),
    );
  scored.visits.forEach((v, i) => {
    // Only what the traveller would miss: must-visit places, places of a stated interest, or top sights.
    const topSight =
      (v.place.rating ?? 0) >= TOP_SIGHT_RATING && (v.place.ratingCount ?? 0) >= TOP_SIGHT_REVIEWS;
    const missed = pinned.has(v.place.id) || v.matchedPreferences.length > 0 || topSight;
    if (usedVisits.has(v.index) || !missed) return;
    const roundTrip = context.travel.leg(0, v.index + 1).minutes + context.travel.leg(v.index + 1, 0).minutes;
    const reason = !openOn[i]!.some(Boolean)
      ? 'dropped.closed'
      : roundTrip + plannedVisitMinutes(v.place, context.profile) > dayLength
        ? 'dropped.too_far'
        : pinned.has(v.place.id)
          ? 'dropped.pin_did_not_fit'
          : paceFull(plannedVisitMinutes(v.place, context.profile))
            ? 'dropped.pace_full'
            : 'dropped.did_not_fit';
    dropped.push({ placeId: v.place.id, name: v.place.name, reason: message(language, reason) });
  });
  const notes: string[] = [];

  const first = validateItinerary(request, { days }, { context });
  let final = { days, report: first };
  // A missing meal means no restaurant could be fitted: re-timing cannot fix it, so it is only reported.
  const repairable = first.violations.filter((v) => v.kind !== 'meal_missing');
  if (repairable.length > 0) {
    // Repair gives up the lowest-scored stop first: never a must-visit place while another can go.
    const scoreOf = new Map(
      [...scored.visits, ...scored.restaurants].map((s) => [
        s.index,
        s.score + (pinned.has(s.place.id) ? MUST_VISIT_PRIORITY : 0),
      ]),
    );
    const repaired = repairItinerary({ days }, repairable, context, (index) => scoreOf.get(index) ?? 0);
    dropped.push(...repaired.dropped);
    notes.push(`Repaired ${repaired.repairedDates.join(', ')}: ${repairable.length} problem(s) found`);
    final = { days: repaired.days, report: validateItinerary(request, { days: repaired.days }, { context }) };
  }
  if (context.travel.ignoredModes.length > 0)
    notes.push(
      `Ignored ${context.travel.ignoredModes.join(', ')} matrices of the wrong size; legs were estimated`,
    );
  const { legs, estimatedLegs } = final.report.metrics;
  if (estimatedLegs > 0) notes.push(`${estimatedLegs} of ${legs} travel legs are estimated from distance`);
  if (scored.rankingIdsIgnored > 0)
    notes.push(`${scored.rankingIdsIgnored} ranked id(s) were not candidates and were ignored`);
  if (
    trip.transport.mode === 'walk' &&
    final.days.some((day) => day.items.some((i) => i.travel && i.travel.mode !== 'walk'))
  ) {
    warnings.push({
      code: 'transit_for_long_legs',
      message: message(language, 'transit_for_long_legs', { meters: context.profile.maxWalkLegMeters }),
    });
  }
  const matched = new Map(
    [...scored.visits, ...scored.restaurants].map((s) => [s.place.id, s.matchedPreferences]),
  );
  const annotated = final.days.map((day, d) => ({
    date: day.date,
    items: withReasons(day.items, {
      language,
      profile: context.profile,
      ...(context.days[d]?.sunset === undefined ? {} : { sunset: context.days[d]!.sunset }),
      matched,
      ...(request.rankingReasons ? { rankerReasons: request.rankingReasons } : {}),
    }),
  }));
  return {
    days: annotated,
    warnings,
    notes,
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
