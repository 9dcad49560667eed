import type { LatLng, PlaceCategory } from '../domain/place.js';
import type { PlaceSearchQuery } from './PlaceSource.js';
import type { PlanTrip } from './planTypes.js';
import { distinctPreferences, preferenceSearchTerms } from './preferenceMatch.js';

/** Kakao's and Google's largest search radius. */
export const MAX_SEARCH_RADIUS = 20_000;
const VISIT_CATEGORIES: readonly PlaceCategory[] = ['attraction', 'culture', 'nature'];

/** How far a destination reaches: a city and, for car trips, its day-trip ring (an island is one destination). */
export function destinationExtentMeters(trip: PlanTrip): number {
  return trip.transport.mode === 'car' ? 60_000 : 40_000;
}

/** The search circles, nearest first: widening around the accommodation, then a ring around it. */
export function searchSteps(trip: PlanTrip): { near: LatLng; radiusMeters: number }[] {
  const home = { lat: trip.accommodation.lat, lng: trip.accommodation.lng };
  const first = trip.transport.mode === 'car' ? 5_000 : 2_000;
  const steps: { near: LatLng; radiusMeters: number }[] = [];
  for (let r = first; r < MAX_SEARCH_RADIUS; r *= 2) steps.push({ near: home, radiusMeters: r });
  steps.push({ near: home, radiusMeters: MAX_SEARCH_RADIUS });
  return steps;
}

/** Beyond the widest circle: four circles 18 km out, so an island's far side is searched too. */
export function ringSteps(trip: PlanTrip): { near: LatLng; radiusMeters: number }[] {
  const { lat, lng } = trip.accommodation;
  const dLat = 18_000 / 111_320;
  const dLng = dLat / Math.cos((lat * Math.PI) / 180);
  return [
    [dLat, 0],
    [0, dLng],
    [-dLat, 0],
    [0, -dLng],
  ].map(([a, b]) => ({ near: { lat: lat + a!, lng: lng + b! }, radiusMeters: MAX_SEARCH_RADIUS }));
}

/** What is still missing after a step, so the next step searches only for that. */
export interface Shortfall {
  readonly restaurants: boolean;
  readonly visits: boolean;
  /** Preferences with too few matching places so far. */
  readonly preferences: readonly string[];
  /** Diets without a restaurant known to serve them. */
  readonly dietTerms: readonly string[];
}

/**
 * The queries of one step: restaurants (two pages), keyword searches for each preference still
 * short (in the provider's language: Korean for Kakao), the core visit categories, and diet words.
 */
export function stepQueries(
  trip: PlanTrip,
  circle: { near: LatLng; radiusMeters: number },
  short: Shortfall,
  size: number,
): PlaceSearchQuery[] {
  const korean = (trip.destination?.countryCode ?? 'KR') === 'KR';
  const base = { ...circle, language: trip.language, size };
  const queries: PlaceSearchQuery[] = [];
  if (short.restaurants) {
    queries.push({ ...base, category: 'restaurant' }, { ...base, category: 'restaurant', page: 2 });
  }
  for (const term of short.dietTerms) queries.push({ ...base, query: term });
  const terms = new Set(short.preferences.flatMap((p) => preferenceSearchTerms(p, korean)));
  for (const query of terms) queries.push({ ...base, query });
  if (short.visits) for (const category of VISIT_CATEGORIES) queries.push({ ...base, category });
  return queries;
}

/** The group's distinct preferences. */
export function tripPreferences(trip: PlanTrip): string[] {
  return distinctPreferences(trip.members.map((m) => m.preferences));
}
