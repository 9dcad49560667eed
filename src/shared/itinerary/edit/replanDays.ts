import type { DayContext } from '../../planner/dayStops.js';
import { visitStop } from '../../planner/dayStops.js';
import { planDay } from '../../planner/planDay.js';
import { scoreCandidates, type ScoredPlace } from '../../planner/scoreCandidates.js';
import { SeededRandom } from '../../planner/solvers/seededRandom.js';
import { DEFAULT_TSPTW_OPTIONS } from '../../planner/solvers/solveTsptw.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDay } from '../ItineraryDocument.js';
import { insertStop } from './insertStop.js';
import type { PlanningInputs } from './PlanningInputs.js';
import { retimeDay } from './retimeDay.js';
import { stopsOf, type StopSpec } from './StopSpec.js';

export interface ReplanOptions {
  /** The days to plan again; every other day of `current` is kept as it is. */
  readonly dates: readonly string[];
  /** A seed for a different plan of similar quality (scores jittered ±40 %, last plan's places discounted). */
  readonly variation?: number;
}

/** A must-visit place that could not be scheduled, and why. */
export interface UnscheduledPin {
  placeId: string;
  name: string;
  reason: string;
}

export interface ReplanResult {
  /** One per trip date, in order. */
  days: ItineraryDay[];
  unscheduled: UnscheduledPin[];
}

/**
 * Plan some days again with the planner's day planner (`planDay`), keeping every other day, the
 * stops the traveller annotated (memo, photo or chosen length stay on their day), the trip's
 * must-visit places (inserted where they fit, making room if needed) and leaving out avoided places
 * and kinds. Places on kept days are not planned twice.
 */
export function replanDays(
  inputs: PlanningInputs,
  trip: Trip,
  current: readonly ItineraryDay[],
  options: ReplanOptions,
): ReplanResult {
  const { context, request } = inputs;
  const replanned = new Set(options.dates);
  const byDate = new Map(current.map((d) => [d.date, d]));
  const kept = context.days.filter((d) => !replanned.has(d.date) && byDate.has(d.date));
  const keptPlaces = new Set(kept.flatMap((d) => stopsOf(byDate.get(d.date)!).map((s) => s.place.id)));
  const avoidIds = new Set(trip.avoid?.placeIds ?? []);
  const avoidKinds = new Set(trip.avoid?.kinds ?? []);
  const allowed = (s: ScoredPlace) =>
    !avoidIds.has(s.place.id) && !avoidKinds.has(s.place.category) && !keptPlaces.has(s.place.id);
  const scored = scoreCandidates(request.places, trip.members, context.profile);
  const previous = new Set(
    options.dates
      .flatMap((date) => (byDate.get(date) ? stopsOf(byDate.get(date)!) : []))
      .map((s) => s.place.id),
  );
  const jitter = jitterFor(options.variation, previous);
  const visits = scored.visits.filter(allowed).map(jitter);
  const restaurants = scored.restaurants.filter(allowed).map(jitter);

  const used = new Set<string>();
  const planned = new Map<string, StopSpec[]>();
  const anchors = new Set<StopSpec>();
  for (const day of context.days.filter((d) => replanned.has(d.date))) {
    const old = byDate.get(day.date);
    const annotated = old ? stopsOf(old).filter(isAnnotated) : [];
    const taken = new Set([...used, ...annotated.map((s) => s.place.id)]);
    const plan = planDay(
      day,
      {
        visits: visits
          .filter((v) => !taken.has(v.place.id))
          .map((scoredPlace) => ({ scored: scoredPlace, weight: 1 })),
        restaurants: restaurants.filter((r) => !taken.has(r.place.id)),
      },
      {
        maxNoImprovement: 100,
        exactLimit: DEFAULT_TSPTW_OPTIONS.exactLimit,
        seed: options.variation ?? DEFAULT_TSPTW_OPTIONS.seed,
      },
    );
    let stops: StopSpec[] = plan.stops.map((stop) => {
      const place = request.places[stop.placeIndex]!;
      const before = old
        ? stopsOf(old).find((s) => s.place.id === place.id && s.kind === stop.kind)
        : undefined;
      return {
        kind: stop.kind,
        place,
        ...(stop.meal ? { meal: stop.meal } : {}),
        ...(before?.from ? { from: before.from } : {}),
      };
    });
    for (const anchor of annotated) {
      anchors.add(anchor);
      // An annotated meal replaces the planner's choice for that meal.
      const sameMeal = (s: StopSpec) => anchor.kind === 'meal' && s.kind === 'meal' && s.meal === anchor.meal;
      const base = stops.filter((s) => !sameMeal(s));
      const removable = (s: StopSpec) => s.kind === 'visit' && !anchors.has(s);
      // Memos and photos are never dropped: when nothing fits, the stop takes the meal's slot or goes last.
      const at = stops.findIndex(sameMeal);
      stops =
        insertStop(context, day.date, base, anchor, removable) ??
        (at >= 0 ? stops.map((s, i) => (i === at ? anchor : s)) : [...base, anchor]);
    }
    for (const s of stops) used.add(s.place.id);
    planned.set(day.date, stops);
  }

  const unscheduled: UnscheduledPin[] = [];
  for (const placeId of trip.mustVisit ?? []) {
    if (used.has(placeId) || keptPlaces.has(placeId)) continue;
    const place = inputs.placeById.get(placeId);
    if (!place) {
      unscheduled.push({ placeId, name: placeId, reason: 'the map provider does not know this place' });
      continue;
    }
    const pin: StopSpec = { kind: 'visit', place };
    anchors.add(pin);
    const placed = [...planned.keys()].some((date) => {
      const next = insertStop(
        context,
        date,
        planned.get(date)!,
        pin,
        (s) => s.kind === 'visit' && !anchors.has(s),
      );
      if (next) planned.set(date, next);
      return next !== undefined;
    });
    if (!placed)
      unscheduled.push({
        placeId,
        name: place.name,
        reason: whyNot(
          inputs,
          context.days.filter((d) => planned.has(d.date)),
          placeId,
        ),
      });
  }

  const days = context.days.map((day) =>
    planned.has(day.date)
      ? retimeDay(context, day.date, planned.get(day.date)!)
      : (byDate.get(day.date) ?? { date: day.date, items: [] }),
  );
  return { days, unscheduled };
}

function isAnnotated(spec: StopSpec): boolean {
  return Boolean(spec.from?.memo || spec.from?.attachments?.length || spec.durationMinutes !== undefined);
}

function jitterFor(variation: number | undefined, previous: ReadonlySet<string>) {
  if (variation === undefined) return (s: ScoredPlace) => s;
  const random = new SeededRandom(variation);
  return (s: ScoredPlace): ScoredPlace => ({
    ...s,
    score: s.score * (0.6 + 0.8 * random.next()) * (previous.has(s.place.id) ? 0.5 : 1),
  });
}

function whyNot(inputs: PlanningInputs, days: readonly DayContext[], placeId: string): string {
  const index = inputs.context.placeIndex.get(placeId)!;
  if (!days.some((day) => visitStop(day, index) !== undefined))
    return 'closed (or not open long enough) on every day being planned';
  const roundTrip =
    inputs.context.travel.leg(0, index + 1).minutes + inputs.context.travel.leg(index + 1, 0).minutes;
  if (days.every((day) => roundTrip > day.dayEnd - day.dayStart))
    return 'too far from the accommodation to fit in a day';
  return 'no room on the days being planned without dropping a meal or another pinned stop';
}
