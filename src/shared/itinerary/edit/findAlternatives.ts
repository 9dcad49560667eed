import { haversineMeters } from '../../domain/geo.js';
import type { Place } from '../../domain/place.js';
import { AppError } from '../../errors/AppError.js';
import { mealStop, visitStop } from '../../planner/dayStops.js';
import { SAME_SITE_METERS } from '../../planner/sameSite.js';
import { scoreCandidates } from '../../planner/scoreCandidates.js';
import { formatHhmm } from '../../planner/timeOfDay.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDocument } from '../ItineraryDocument.js';
import type { PlanningInputs } from './PlanningInputs.js';
import { scheduleOf } from './retimeDay.js';
import { stopsOf } from './StopSpec.js';

/** A place that could take an item's slot. */
export interface Alternative {
  place: Place;
  /** The planner's score for this group (preferences, rating, suitability). */
  score: number;
  /** Travel the day gains (negative: saves) with this place instead of the current one. */
  extraTravelMinutes: number;
  /** When it would be visited. */
  start: string;
  end: string;
}

/** A minute of extra travel costs this much score when ranking alternatives. */
const TRAVEL_WEIGHT = 0.5;

/**
 * Places that fit the same slot: same kind (a restaurant for a meal), open then, the day still
 * feasible with it (hours, legs, day bounds), suited to the group, not avoided, not already in
 * the plan and not on the site of another day's visit; ranked by the planner's score less the travel they add.
 */
export function findAlternatives(
  inputs: PlanningInputs,
  trip: Trip,
  doc: ItineraryDocument,
  itemId: string,
  limit = 5,
): Alternative[] {
  const day = doc.days.find((d) => d.items.some((i) => i.id === itemId));
  const stops = day ? stopsOf(day) : [];
  const index = stops.findIndex((s) => s.from?.id === itemId);
  if (!day || index < 0)
    throw new AppError('not_found', 'Item not found', {
      detail: `No visit or meal ${itemId} in this itinerary`,
    });
  const current = stops[index]!;
  const planned = new Set(doc.days.flatMap((d) => stopsOf(d).map((s) => s.place.id)));
  // One site, one day: a place next to a visit of another day would split that site over two days.
  const otherDays = doc.days
    .filter((d) => d.date !== day.date)
    .flatMap((d) => stopsOf(d).filter((s) => s.kind === 'visit'));
  const splitsSite = (place: Place) =>
    place.category !== 'restaurant' &&
    otherDays.some((s) => haversineMeters(s.place.location, place.location) <= SAME_SITE_METERS);
  const avoidIds = new Set(trip.avoid?.placeIds ?? []);
  const avoidKinds = new Set(trip.avoid?.kinds ?? []);
  // Open that day for the slot's purpose: re-timing gives a closed place a slot (so the validator can
  // report it), so feasibility alone would let a place closed all day through.
  const dayContext = inputs.context.days.find((d) => d.date === day.date);
  const rule = current.kind === 'meal' ? dayContext?.meals.find((m) => m.meal === current.meal) : undefined;
  const openThatDay = (placeIndex: number) =>
    dayContext !== undefined &&
    (rule ? mealStop(dayContext, placeIndex, rule) : visitStop(dayContext, placeIndex)) !== undefined;
  const scored = scoreCandidates(inputs.request.places, trip.members, inputs.context.profile);
  const pool = current.kind === 'meal' ? scored.restaurants : scored.visits;
  const baseTravel = scheduleOf(inputs.context, day.date, stops).travelMinutes;
  const found: (Alternative & { rank: number })[] = [];
  for (const candidate of pool) {
    const place = candidate.place;
    if (planned.has(place.id) || avoidIds.has(place.id) || avoidKinds.has(place.category)) continue;
    if (splitsSite(place) || !openThatDay(candidate.index)) continue;
    const trial = stops.map((s, i) =>
      i === index ? { kind: current.kind, place, ...(current.meal ? { meal: current.meal } : {}) } : s,
    );
    const schedule = scheduleOf(inputs.context, day.date, trial);
    if (!schedule.feasible) continue;
    const timing = schedule.timings[index]!;
    const extraTravelMinutes = schedule.travelMinutes - baseTravel;
    found.push({
      place,
      score: Math.round(candidate.score * 10) / 10,
      extraTravelMinutes,
      start: formatHhmm(timing.start),
      end: formatHhmm(timing.end),
      rank: candidate.score - TRAVEL_WEIGHT * extraTravelMinutes,
    });
  }
  return found
    .sort((a, b) => b.rank - a.rank || a.place.id.localeCompare(b.place.id))
    .slice(0, limit)
    .map(({ rank: _rank, ...alternative }) => alternative);
}
