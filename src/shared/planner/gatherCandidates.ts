import type { Place, PlaceCategory } from '../domain/place.js';
import type { MatrixCell, TravelMode } from '../domain/route.js';
import { estimateCell } from './estimateTravel.js';
import { groupProfile } from './groupProfile.js';
import type { PlaceSearchQuery, PlaceSource } from './PlaceSource.js';
import type { PlanTrip, TravelMatrices } from './planTypes.js';
import { distinctPreferences } from './preferenceMatch.js';
import { scoreCandidates } from './scoreCandidates.js';
import { ANY_DAY, splitDays } from './splitDays.js';
import { tripDates } from './tripDates.js';

export interface GatherOptions {
  /** Search radius around the accommodation (default: 15 km by car, 4 km otherwise). */
  readonly radiusMeters?: number;
  /** Upper bound on search calls (default 8). */
  readonly maxSearchCalls?: number;
  /** Results asked per search (default 15, Kakao's page maximum). */
  readonly resultsPerSearch?: number;
  /** Candidates kept for planning, restaurants included (default 60). */
  readonly maxCandidates?: number;
  /** Upper bound on detail calls to fill in missing opening hours (default 40). */
  readonly maxDetailsCalls?: number;
  /** Largest matrix asked in one call, origins × destinations (default 625 = 25 × 25). */
  readonly maxMatrixElements?: number;
}

export interface GatherWarning {
  readonly code: 'search_failed' | 'details_failed' | 'matrix_failed' | 'matrix_estimated';
  readonly message: string;
}

/** Upstream calls made, per kind: the cost of one itinerary. */
export interface UpstreamCalls {
  readonly search: number;
  readonly details: number;
  readonly matrix: number;
  readonly total: number;
}

export interface GatheredCandidates {
  readonly places: Place[];
  /** Over `[accommodation, ...places]`, ready for `PlanRequest.matrices`. */
  readonly matrices: TravelMatrices;
  readonly calls: UpstreamCalls;
  /** Matrix cells estimated from distance (cross-cluster or after a failed call). */
  readonly estimatedCells: number;
  readonly warnings: GatherWarning[];
}

const DEFAULT_CATEGORIES: readonly PlaceCategory[] = ['attraction', 'culture', 'nature'];
const RESTAURANT_SHARE = 0.25;
const DETAILS_CONCURRENCY = 5;

/**
 * Gather candidates and travel times for one trip with a bounded number of upstream calls:
 * restaurant, preference and category searches (≤ `maxSearchCalls`), detail calls only for kept
 * places whose hours are missing (≤ `maxDetailsCalls`), and ONE route-matrix call over all kept
 * points — or one per geographic cluster when that would exceed `maxMatrixElements`, with the
 * cross-cluster legs estimated. A failed matrix call falls back to haversine × detour estimates
 * marked `estimated`. Candidates are ranked with the planner's own scoring before any detail call.
 */
export async function gatherCandidates(
  source: PlaceSource,
  trip: PlanTrip,
  options: GatherOptions = {},
  signal?: AbortSignal,
): Promise<GatheredCandidates> {
  const warnings: GatherWarning[] = [];
  const calls = { search: 0, details: 0, matrix: 0 };
  const near = { lat: trip.accommodation.lat, lng: trip.accommodation.lng };
  const radiusMeters = options.radiusMeters ?? (trip.transport.mode === 'car' ? 15_000 : 4_000);
  const base = { near, radiusMeters, language: trip.language, size: options.resultsPerSearch ?? 15 };

  const queries = searchQueries(trip, base).slice(0, options.maxSearchCalls ?? 8);
  signal?.throwIfAborted();
  const results = await Promise.allSettled(queries.map((query) => source.searchPlaces(query, signal)));
  calls.search += queries.length;
  const found = new Map<string, Place>();
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      warnings.push({
        code: 'search_failed',
        message: `search ${describe(queries[i]!)} failed: ${messageOf(result.reason)}`,
      });
      return;
    }
    for (const place of result.value) if (!found.has(place.id)) found.set(place.id, place);
  });
  if (found.size === 0 && results.every((r) => r.status === 'rejected') && results.length > 0) {
    throw (results[0] as PromiseRejectedResult).reason;
  }

  const kept = selectCandidates([...found.values()], trip, options.maxCandidates ?? 60);
  const places = await fillMissingHours(
    source,
    kept,
    trip.language,
    options.maxDetailsCalls ?? 40,
    calls,
    warnings,
    signal,
  );

  const mode: TravelMode = trip.transport.mode === 'car' ? 'car' : 'transit';
  const points = [near, ...places.map((p) => p.location)];
  const clusters = matrixClusters(trip, places, options.maxMatrixElements ?? 625);
  const cells: (MatrixCell | undefined)[][] = points.map(() => points.map(() => undefined));
  for (const members of clusters) {
    const indices = [0, ...members.map((i) => i + 1)];
    const locations = indices.map((i) => points[i]!);
    signal?.throwIfAborted();
    calls.matrix++;
    try {
      const rows = await source.routeMatrix({ origins: locations, destinations: locations, mode }, signal);
      for (const [r, from] of indices.entries()) {
        for (const [c, to] of indices.entries()) cells[from]![to] = rows[r]?.[c];
      }
    } catch (error) {
      signal?.throwIfAborted();
      warnings.push({
        code: 'matrix_failed',
        message: `route matrix (${indices.length} points) failed: ${messageOf(error)}; travel times are estimated`,
      });
    }
  }
  let estimatedCells = 0;
  const matrix = cells.map((row, from) =>
    row.map((cell, to) => {
      if (cell) return cell;
      if (from !== to) estimatedCells++;
      return estimateCell(points[from]!, points[to]!, mode);
    }),
  );
  if (estimatedCells > 0 && clusters.length > 1) {
    warnings.push({
      code: 'matrix_estimated',
      message: `${estimatedCells} legs between clusters are estimated from distance`,
    });
  }
  return {
    places,
    matrices: { [mode]: matrix },
    calls: { ...calls, total: calls.search + calls.details + calls.matrix },
    estimatedCells,
    warnings,
  };
}

/** Restaurants first (every day needs meals), then each stated preference, then the core categories. */
function searchQueries(
  trip: PlanTrip,
  base: Omit<PlaceSearchQuery, 'query' | 'category'>,
): PlaceSearchQuery[] {
  const preferences = distinctPreferences(trip.members.map((m) => m.preferences));
  return [
    { ...base, category: 'restaurant' },
    ...preferences.map((query) => ({ ...base, query })),
    ...DEFAULT_CATEGORIES.map((category) => ({ ...base, category })),
  ];
}

/** Keep the best-scored visits and restaurants for this group (the planner's own scoring). */
function selectCandidates(found: Place[], trip: PlanTrip, maxCandidates: number): Place[] {
  const scored = scoreCandidates(found, trip.members, groupProfile(trip.members));
  const restaurantSlots = Math.min(scored.restaurants.length, Math.ceil(maxCandidates * RESTAURANT_SHARE));
  const visits = scored.visits.slice(0, maxCandidates - restaurantSlots);
  const restaurants = scored.restaurants.slice(0, maxCandidates - visits.length);
  return [...visits, ...restaurants].map((s) => s.place);
}

async function fillMissingHours(
  source: PlaceSource,
  places: Place[],
  language: string,
  maxCalls: number,
  calls: { details: number },
  warnings: GatherWarning[],
  signal?: AbortSignal,
): Promise<Place[]> {
  // Meals are mandatory and need evening hours: unknown hours confine a place to 10:00–17:00, so a
  // restaurant without hours can never be dinner. Restaurants get the first half of the budget.
  const unknown = places.filter((p) => p.openingHours === undefined);
  const restaurants = unknown.filter((p) => p.category === 'restaurant');
  const first = restaurants.slice(0, Math.ceil(maxCalls / 2));
  const rest = unknown.filter((p) => !first.includes(p));
  const missing = [...first, ...rest].slice(0, maxCalls);
  const filled = new Map<string, Place>();
  for (let i = 0; i < missing.length; i += DETAILS_CONCURRENCY) {
    signal?.throwIfAborted();
    const batch = missing.slice(i, i + DETAILS_CONCURRENCY);
    calls.details += batch.length;
    const results = await Promise.allSettled(batch.map((p) => source.placeDetails(p.id, language, signal)));
    results.forEach((result, j) => {
      const place = batch[j]!;
      if (result.status === 'rejected') {
        warnings.push({
          code: 'details_failed',
          message: `details of ${place.id} failed: ${messageOf(result.reason)}`,
        });
      } else if (result.value.openingHours) {
        filled.set(place.id, { ...place, openingHours: result.value.openingHours });
      }
    });
  }
  return places.map((p) => filled.get(p.id) ?? p);
}

/**
 * Index groups (into `places`) for the matrix calls: one group when the whole matrix fits in one
 * call, otherwise geographic sectors around the accommodation (at least one per trip day), with
 * places next to the accommodation dealt round-robin.
 */
function matrixClusters(trip: PlanTrip, places: Place[], maxElements: number): number[][] {
  const all = places.map((_, i) => i);
  if ((places.length + 1) ** 2 <= maxElements) return [all];
  const perCall = Math.max(1, Math.floor(Math.sqrt(maxElements)) - 1);
  const count = Math.max(tripDates(trip.startDate, trip.endDate).length, Math.ceil(places.length / perCall));
  const open = new Array<boolean>(count).fill(true);
  const home = splitDays(
    trip.accommodation,
    places.map((p) => ({ location: p.location, score: 1, openOn: open })),
    count,
  );
  const clusters: number[][] = Array.from({ length: count }, () => []);
  let next = 0;
  home.forEach((day, i) => clusters[day === ANY_DAY ? next++ % count : day]!.push(i));
  return clusters.filter((c) => c.length > 0);
}

function describe(query: PlaceSearchQuery): string {
  return query.query !== undefined ? `"${query.query}"` : `category ${query.category}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
