import { haversineMeters } from '../../domain/geo.js';
import type { Place } from '../../domain/place.js';
import { planItinerary, type PlanResult } from '../../planner/planItinerary.js';
import type { PlanWarning } from '../../planner/planTypes.js';
import { SAME_SITE_METERS } from '../../planner/sameSite.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDay } from '../ItineraryDocument.js';
import { insertStop } from './insertStop.js';
import type { PlanningInputs } from './PlanningInputs.js';
import { retimeDay } from './retimeDay.js';
import { stopsOf, type StopSpec } from './StopSpec.js';
import { subRequest } from './subRequest.js';
import { variationPool } from './variationPool.js';

export interface ReplanOptions {
  /** The days to plan again; every other day of `current` is kept as it is. */
  readonly dates: readonly string[];
  /** A seed for a different plan of similar quality (see `variationPool`). */
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
  /** The planner's own warnings for the planned days (unknown hours, a meal it could not fit). */
  warnings: PlanWarning[];
}

/**
 * Plan some days again with the planner itself (`planItinerary`): each run of consecutive days to
 * plan is one planning (its whole-trip day split, site rules, meal variety, must-visit priority),
 * from the candidates no kept day uses — not avoided, not a kept day's place or its site. Stops the
 * traveller annotated (memo, photo, chosen length) stay on their day, inserted where they fit best;
 * must-visit places the planning could not fit are inserted where they fit, making room if needed.
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
  const keptStops = context.days
    .filter((d) => !replanned.has(d.date) && byDate.has(d.date))
    .flatMap((d) => stopsOf(byDate.get(d.date)!));
  const anchorsOf = new Map(
    options.dates.map((date) => [
      date,
      byDate.has(date) ? stopsOf(byDate.get(date)!).filter(isAnnotated) : [],
    ]),
  );
  const pins = new Set(trip.mustVisit ?? []);
  const taken = new Set([...keptStops, ...[...anchorsOf.values()].flat()].map((s) => s.place.id));
  const seenSites = [...keptStops, ...[...anchorsOf.values()].flat()].filter((s) => s.kind === 'visit');
  const avoidIds = new Set(trip.avoid?.placeIds ?? []);
  const avoidKinds = new Set(trip.avoid?.kinds ?? []);
  const allowed = (p: Place) =>
    pins.has(p.id) ||
    (!avoidIds.has(p.id) &&
      !avoidKinds.has(p.category) &&
      // One site, one day: a kept day's site is not split onto another day.
      (p.category === 'restaurant' ||
        !seenSites.some((s) => haversineMeters(s.place.location, p.location) <= SAME_SITE_METERS)));
  const previous = new Set(
    options.dates
      .flatMap((date) => (byDate.get(date) ? stopsOf(byDate.get(date)!) : []))
      .map((s) => s.place.id),
  );

  const planned = new Map<string, StopSpec[]>();
  const warnings: PlanWarning[] = [];
  const dropReasons = new Map<string, string>();
  for (const run of consecutiveRuns(context.days.map((d) => d.date).filter((d) => replanned.has(d)))) {
    const open = request.places.filter((p) => !taken.has(p.id) && allowed(p));
    const plan = (places: readonly Place[], ranking: readonly string[]) => {
      const due = [...pins].filter((id) => places.some((p) => p.id === id));
      return planItinerary(
        {
          ...subRequest(request, places),
          trip: { ...request.trip, startDate: run[0]!, endDate: run.at(-1)! },
          // Must-visit places lead the ranking, as in generation.
          ...(due.length + ranking.length > 0
            ? { ranking: [...due, ...ranking.filter((id) => !pins.has(id))] }
            : {}),
          ...(due.length > 0 ? { mustVisit: due } : {}),
        },
        options.variation === undefined ? {} : { seed: options.variation },
      );
    };
    let result = plan(open, []);
    if (options.variation !== undefined) {
      const pool = variationPool(open, previous, inputs.matched, pins, options.variation);
      const varied = plan(pool.places, pool.ranking);
      // A variation is no excuse for a worse day: with fewer places, a day may lack a visit or a meal.
      result = gaps(varied) <= gaps(result) ? varied : plan(open, pool.ranking);
    }
    warnings.push(...result.warnings);
    for (const d of result.dropped) if (d.placeId) dropReasons.set(d.placeId, d.reason);
    for (const day of result.days) {
      const stops = day.items.flatMap((item): StopSpec[] =>
        (item.kind === 'visit' || item.kind === 'meal') && item.place
          ? [
              {
                kind: item.kind,
                place: item.place,
                ...(item.meal ? { meal: item.meal } : {}),
                ...(item.reason ? { reason: item.reason } : {}),
              },
            ]
          : [],
      );
      for (const s of stops) taken.add(s.place.id);
      planned.set(day.date, withAnchors(inputs, day.date, stops, anchorsOf.get(day.date) ?? []));
    }
  }

  const unscheduled: UnscheduledPin[] = [];
  const scheduled = () => new Set([...taken, ...[...planned.values()].flat().map((s) => s.place.id)]);
  for (const placeId of pins) {
    if (scheduled().has(placeId)) continue;
    const place = inputs.placeById.get(placeId);
    if (!place) {
      unscheduled.push({ placeId, name: placeId, reason: 'the map provider does not know this place' });
      continue;
    }
    const pin: StopSpec = { kind: 'visit', place };
    const fixed = (s: StopSpec) => s.kind !== 'visit' || isAnnotated(s) || pins.has(s.place.id);
    const placed = [...planned.keys()].some((date) => {
      const next = insertStop(context, date, planned.get(date)!, pin, (s) => !fixed(s));
      if (next) planned.set(date, next);
      return next !== undefined;
    });
    if (!placed)
      unscheduled.push({
        placeId,
        name: place.name,
        reason: dropReasons.get(placeId) ?? 'no room on the days being planned',
      });
  }

  const days = context.days.map((day) =>
    planned.has(day.date)
      ? retimeDay(inputs, day.date, planned.get(day.date)!)
      : (byDate.get(day.date) ?? { date: day.date, items: [] }),
  );
  return { days, unscheduled, warnings };
}

/** Put the traveller's annotated stops back into a planned day; they are never dropped. */
function withAnchors(
  inputs: PlanningInputs,
  date: string,
  planned: StopSpec[],
  anchors: readonly StopSpec[],
): StopSpec[] {
  let stops = planned;
  for (const anchor of anchors) {
    // An annotated meal replaces the planner's choice for that meal.
    const sameMeal = (s: StopSpec) => anchor.kind === 'meal' && s.kind === 'meal' && s.meal === anchor.meal;
    const base = stops.filter((s) => !sameMeal(s));
    const removable = (s: StopSpec) => s.kind === 'visit' && !anchors.includes(s);
    // When nothing fits, the stop takes the meal's slot or goes last (the validator then reports it).
    const at = stops.findIndex(sameMeal);
    stops =
      insertStop(inputs.context, date, base, anchor, removable) ??
      (at >= 0 ? stops.map((s, i) => (i === at ? anchor : s)) : [...base, anchor]);
  }
  return stops;
}

/** Days without a visit and meals the plan could not fit. */
function gaps(plan: PlanResult): number {
  return plan.warnings.filter((w) => w.code === 'day_without_visits' || w.code === 'meal_not_scheduled')
    .length;
}

function isAnnotated(spec: StopSpec): boolean {
  return Boolean(spec.from?.memo || spec.from?.attachments?.length || spec.durationMinutes !== undefined);
}

/** Dates (in trip order) grouped into runs of consecutive calendar days. */
function consecutiveRuns(dates: readonly string[]): string[][] {
  const runs: string[][] = [];
  for (const date of dates) {
    const last = runs.at(-1);
    const previousDay = last && new Date(Date.parse(`${last.at(-1)!}T00:00:00Z`) + 86_400_000);
    if (last && previousDay!.toISOString().slice(0, 10) === date) last.push(date);
    else runs.push([date]);
  }
  return runs;
}
