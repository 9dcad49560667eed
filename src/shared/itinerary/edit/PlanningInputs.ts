import type { Place } from '../../domain/place.js';
import type { MatrixCell } from '../../domain/route.js';
import { estimateCell } from '../../planner/estimateTravel.js';
import { gatherCandidates } from '../../planner/gatherCandidates.js';
import type { PlaceSource } from '../../planner/PlaceSource.js';
import { type PlanningContext, planningContext } from '../../planner/planningContext.js';
import type { PlanRequest, TravelMatrices } from '../../planner/planTypes.js';
import { scoreCandidates } from '../../planner/scoreCandidates.js';
import type { Trip } from '../../trips/tripSchema.js';
import type { ItineraryDocument } from '../ItineraryDocument.js';
import { planTripOf } from './planTripOf.js';

/** The planner's request and derived context for editing one trip's itinerary. */
export interface PlanningInputs {
  readonly request: PlanRequest;
  readonly context: PlanningContext;
  /** Candidates the generator would choose from (before the itinerary's own places were added). */
  readonly candidates: readonly Place[];
  /** Every planning place by id. */
  readonly placeById: ReadonlyMap<string, Place>;
  /** The stated preferences each place meets, by id (for the reasons re-timed stops are given). */
  readonly matched: ReadonlyMap<string, readonly string[]>;
}

/**
 * Rebuild the planner's inputs for a trip: the same candidate gathering generation used (its
 * searches, details and matrix calls are answered by the place cache, so this is cheap after
 * generation), plus every place already in the itinerary and the `extraIds` (places the traveller
 * adds, fetched by id when they are not candidates). Legs to places outside the gathered matrix are estimated from distance, and marked so.
 */
export async function loadPlanningInputs(
  source: PlaceSource,
  trip: Trip,
  doc: ItineraryDocument | undefined,
  extraIds: readonly string[] = [],
  signal?: AbortSignal,
  /** Newer facts of some places (the verifier's fresh opening hours), used instead of what was gathered. */
  fresh: ReadonlyMap<string, Place> = new Map(),
): Promise<PlanningInputs> {
  const planTrip = planTripOf(trip);
  const gathered = await gatherCandidates(source, planTrip, {}, signal);
  const known = new Set(gathered.places.map((p) => p.id));
  const inPlan = doc?.days.flatMap((d) => d.items.flatMap((i) => (i.place ? [i.place] : []))) ?? [];
  const planned = new Set(inPlan.map((p) => p.id));
  const missing = [...new Set(extraIds)].filter((id) => !known.has(id) && !planned.has(id));
  const extra = await Promise.all(missing.map(async (id) => source.placeDetails(id, trip.language, signal)));
  const added: Place[] = [];
  for (const place of [...inPlan, ...extra]) {
    if (known.has(place.id)) continue;
    known.add(place.id);
    added.push(place);
  }
  const places = [...gathered.places, ...added].map((p) => fresh.get(p.id) ?? p);
  const request: PlanRequest = {
    trip: planTrip,
    places,
    matrices: extendMatrices(gathered.matrices, planTrip.accommodation, places, gathered.places.length),
  };
  const context = planningContext(request);
  const scored = scoreCandidates(places, planTrip.members, context.profile);
  return {
    request,
    context,
    candidates: gathered.places,
    placeById: new Map(places.map((p) => [p.id, p])),
    matched: new Map(
      [...scored.visits, ...scored.restaurants].map((s) => [s.place.id, s.matchedPreferences]),
    ),
  };
}

/** Grow each matrix from `[home, ...places[0..known)]` to all places, estimating the new cells. */
function extendMatrices(
  matrices: TravelMatrices,
  home: { lat: number; lng: number },
  places: readonly Place[],
  known: number,
): TravelMatrices {
  if (places.length === known) return matrices;
  const points = [home, ...places.map((p) => p.location)];
  const result: TravelMatrices = {};
  for (const [mode, matrix] of Object.entries(matrices) as [
    keyof TravelMatrices,
    ReadonlyArray<ReadonlyArray<MatrixCell>>,
  ][]) {
    result[mode] = points.map((from, r) =>
      points.map((to, c) => matrix[r]?.[c] ?? estimateCell(from, to, mode)),
    );
  }
  return result;
}
