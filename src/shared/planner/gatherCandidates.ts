import { haversineMeters } from '../domain/geo.js';
import type { Place } from '../domain/place.js';
import type { MatrixCell, TravelMode } from '../domain/route.js';
import { AppError } from '../errors/AppError.js';
import { dietFit } from './dietary.js';
import { estimateCell } from './estimateTravel.js';
import { groupProfile } from './groupProfile.js';
import type { PlaceSearchQuery, PlaceSource } from './PlaceSource.js';
import { unsuitabilityReason } from './placeTraits.js';
import type { PlanTrip, TravelMatrices } from './planTypes.js';
import { preferenceMatcher } from './preferenceMatch.js';
import { scoreCandidates, type ScoredPlace } from './scoreCandidates.js';
import {
  destinationExtentMeters,
  ringSteps,
  searchSteps,
  type Shortfall,
  stepQueries,
  tripPreferences,
} from './searchPlan.js';
import { ANY_DAY, splitDays } from './splitDays.js';
import { tripDates } from './tripDates.js';

export interface GatherOptions {
  /** Upper bound on search calls (default 60). */
  readonly maxSearchCalls?: number;
  /** Results asked per search (default 15, Kakao's page maximum). */
  readonly resultsPerSearch?: number;
  /** Candidates kept for planning, restaurants included (default: enough for every day and meal). */
  readonly maxCandidates?: number;
  /** Upper bound on detail calls to fill in missing opening hours (default 90). */
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
  /** Internal notes for logs and metrics (never shown to travellers as they are). */
  readonly warnings: GatherWarning[];
  /** Widest search radius used, metres. */
  readonly searchRadiusMeters: number;
}

const DETAILS_CONCURRENCY = 20;
/** Enough to plan well: visits and distinct restaurants per day (plus slack for closures). */
const VISITS_PER_DAY = 5;
const RESTAURANTS_PER_DAY = 3;
/** Matching places wanted per stated preference before the search stops widening for it. */
const PER_PREFERENCE = 2;
const DIET_TERMS: Readonly<Record<string, { ko: string; en: string }>> = {
  vegetarian: { ko: '채식', en: 'vegetarian' },
  vegan: { ko: '비건', en: 'vegan' },
  halal: { ko: '할랄', en: 'halal' },
};

/**
 * Gather candidates and travel times for one trip, spending upstream calls only while they are
 * needed: searches widen step by step (2 → 4 → … → 20 km around the accommodation, then a ring
 * 18 km out) until there are enough suitable visits and distinct restaurants for every day, places
 * for every stated preference and restaurants for every diet; places outside the destination's
 * extent are dropped. Detail calls go only to kept places whose hours are missing, and the route
 * matrix is one call (or one per geographic cluster, cross-cluster legs estimated). Searches and
 * details go through the cached services, so repeated trips cost little upstream.
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
  const days = tripDates(trip.startDate, trip.endDate).length;
  const wanted = {
    visits: Math.max(8, VISITS_PER_DAY * days + 3),
    restaurants: Math.max(6, RESTAURANTS_PER_DAY * days + 2),
  };
  const found = await searchUntilEnough(source, trip, wanted, options, calls, warnings, signal);
  const kept = selectCandidates([...found.places.values()], trip, wanted, options.maxCandidates);
  const places = await fillMissingHours(
    source,
    kept,
    trip.language,
    options.maxDetailsCalls ?? 90,
    calls,
    warnings,
    signal,
  );

  const mode: TravelMode = trip.transport.mode === 'car' ? 'car' : 'transit';
  const points = [near, ...places.map((p) => p.location)];
  const clusters = matrixClusters(trip, places, options.maxMatrixElements ?? 625);
  const cells: (MatrixCell | undefined)[][] = points.map(() => points.map(() => undefined));
  signal?.throwIfAborted();
  const matrixResults = await Promise.allSettled(
    clusters.map((members) => {
      const indices = [0, ...members.map((i) => i + 1)];
      const locations = indices.map((i) => points[i]!);
      calls.matrix++;
      return source
        .routeMatrix({ origins: locations, destinations: locations, mode }, signal)
        .then((rows) => ({ rows, indices }));
    }),
  );
  signal?.throwIfAborted();
  matrixResults.forEach((result, c) => {
    if (result.status === 'rejected') {
      warnings.push({
        code: 'matrix_failed',
        message: `route matrix (${clusters[c]!.length + 1} points) failed: ${messageOf(result.reason)}; travel times are estimated`,
      });
      return;
    }
    const { rows, indices } = result.value;
    for (const [r, from] of indices.entries()) {
      for (const [col, to] of indices.entries()) cells[from]![to] = rows[r]?.[col];
    }
  });
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
    searchRadiusMeters: found.widest,
  };
}

/** Search circle after circle until the trip has enough (see `gatherCandidates`); also used for recommendations. */
export async function searchUntilEnough(
  source: PlaceSource,
  trip: PlanTrip,
  wanted: { visits: number; restaurants: number },
  options: GatherOptions,
  calls: { search: number },
  warnings: GatherWarning[],
  signal?: AbortSignal,
): Promise<{ places: Map<string, Place>; widest: number }> {
  const profile = groupProfile(trip.members);
  const near = { lat: trip.accommodation.lat, lng: trip.accommodation.lng };
  const preferences = tripPreferences(trip);
  const matchers = preferences.map(preferenceMatcher);
  const korean = (trip.destination?.countryCode ?? 'KR') === 'KR';
  const dietTerms = profile.diets.flatMap((diet) => {
    const term = DIET_TERMS[diet];
    return term ? [korean ? term.ko : term.en] : [];
  });
  const centre = trip.destination ?? near;
  const extent = destinationExtentMeters(trip);
  const size = options.resultsPerSearch ?? 15;
  const budget = options.maxSearchCalls ?? 60;
  const found = new Map<string, Place>();
  let failures = 0;
  let widest = 0;
  for (const circle of [...searchSteps(trip), ...ringSteps(trip)]) {
    const good = [...found.values()].filter(
      (p) => p.category !== 'lodging' && !unsuitabilityReason(p, profile),
    );
    const restaurants = good.filter((p) => p.category === 'restaurant');
    const short: Shortfall = {
      restaurants: restaurants.length < wanted.restaurants,
      visits: good.length - restaurants.length < wanted.visits,
      preferences: preferences.filter(
        (_, i) => good.filter((p) => matchers[i]!.matches(p)).length < PER_PREFERENCE,
      ),
      dietTerms: restaurants.some((p) => dietFit(p, profile.diets) === 'fits') ? [] : dietTerms,
    };
    const needed =
      short.restaurants || short.visits || short.preferences.length > 0 || short.dietTerms.length > 0;
    if (!needed || calls.search >= budget) break;
    const queries = stepQueries(trip, circle, short, size).slice(0, budget - calls.search);
    signal?.throwIfAborted();
    const results = await Promise.allSettled(queries.map((query) => source.searchPlaces(query, signal)));
    signal?.throwIfAborted();
    calls.search += queries.length;
    widest = Math.max(widest, circle.radiusMeters);
    results.forEach((result, i) => {
      if (result.status === 'rejected') {
        failures++;
        warnings.push({
          code: 'search_failed',
          message: `search ${describe(queries[i]!)} failed: ${messageOf(result.reason)}`,
        });
        return;
      }
      for (const place of result.value) {
        // Never outside the destination: a Tokyo trip gets no Korean places.
        const inside =
          haversineMeters(centre, place.location) <= extent ||
          haversineMeters(near, place.location) <= extent;
        if (inside && !found.has(place.id)) found.set(place.id, place);
      }
    });
  }
  if (found.size === 0 && failures > 0 && failures === calls.search) {
    const first = warnings.find((w) => w.code === 'search_failed');
    throw new AppError('upstream_unavailable', 'Place search failed', {
      detail: first?.message ?? 'Every place search failed',
    });
  }
  return { places: found, widest };
}

/**
 * Keep the best places for this group (the planner's own scoring), nearer ones first among
 * equals: a transit traveller gives up half a point per km, a driver a fifth.
 */
function selectCandidates(
  found: Place[],
  trip: PlanTrip,
  wanted: { visits: number; restaurants: number },
  maxCandidates: number | undefined,
): Place[] {
  const home = { lat: trip.accommodation.lat, lng: trip.accommodation.lng };
  const perKm = trip.transport.mode === 'car' ? 0.2 : 0.5;
  const scored = scoreCandidates(found, trip.members, groupProfile(trip.members));
  const byValue = (list: readonly ScoredPlace[]) =>
    [...list]
      .map((s) => ({ s, value: s.score - (perKm * haversineMeters(home, s.place.location)) / 1000 }))
      .sort((a, b) => b.value - a.value || a.s.place.id.localeCompare(b.s.place.id))
      .map(({ s }) => s.place);
  const limit = maxCandidates ?? Math.min(110, Math.round((wanted.visits + wanted.restaurants) * 1.6));
  const restaurantSlots = Math.min(
    scored.restaurants.length,
    Math.round((limit * wanted.restaurants) / (wanted.visits + wanted.restaurants)),
  );
  const visits = byValue(scored.visits).slice(0, limit - restaurantSlots);
  const restaurants = byValue(scored.restaurants).slice(0, limit - visits.length);
  return [...visits, ...restaurants];
}

/** Fill in missing opening hours (and matched accessibility) with at most `maxCalls` detail calls. */
export async function fillMissingHours(
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
      } else {
        // Hours, and accessibility matched from Google for Kakao places.
        const { openingHours, wheelchairAccessible, rating, ratingCount } = result.value;
        filled.set(place.id, {
          ...place,
          ...(openingHours ? { openingHours } : {}),
          ...(wheelchairAccessible === undefined ? {} : { wheelchairAccessible }),
          ...(place.rating === undefined && rating !== undefined ? { rating, ratingCount } : {}),
        });
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
