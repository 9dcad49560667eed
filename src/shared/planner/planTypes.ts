import type { Place } from '../domain/place.js';
import type { ItineraryTravelMode, MatrixCell, TravelMode } from '../domain/route.js';

/** Health facts of one traveller (docs/architecture.md#api-contract). */
export interface MemberHealth {
  readonly mobility: 'full' | 'limited' | 'wheelchair';
  readonly notes?: string;
}

/** One traveller. */
export interface PlanMember {
  readonly name: string;
  readonly age: number;
  readonly health?: MemberHealth;
  readonly preferences: readonly string[];
}

/** The trip fields the planner reads (a subset of the trip resource, docs/architecture.md#api-contract). */
export interface PlanTrip {
  /** `YYYY-MM-DD`, inclusive. */
  readonly startDate: string;
  readonly endDate: string;
  /** `HH:MM`, local to the destination; the day starts and ends at the accommodation. */
  readonly dailyStart: string;
  readonly dailyEnd: string;
  readonly accommodation: { readonly name: string; readonly lat: number; readonly lng: number };
  readonly transport: { readonly mode: 'car' | 'transit' | 'walk' | 'mixed' };
  readonly members: readonly PlanMember[];
  readonly language: string;
  /** The destination's centre and country; candidates are kept inside its extent. */
  readonly destination?: { readonly lat: number; readonly lng: number; readonly countryCode?: string };
}

/**
 * Travel matrices over the points `[accommodation, ...places]` (row/column 0 is the
 * accommodation, i + 1 is `places[i]`), one per mode that was fetched. Missing matrices or cells
 * are estimated from distance and marked estimated.
 */
export type TravelMatrices = Partial<Record<TravelMode, ReadonlyArray<ReadonlyArray<MatrixCell>>>>;

/** Everything the planner needs; pure data, no clients. */
export interface PlanRequest {
  readonly trip: PlanTrip;
  /** Candidates from the place providers, visits and restaurants alike, with opening hours. */
  readonly places: readonly Place[];
  readonly matrices: TravelMatrices;
  /** Candidate ids in the order an LLM preferred them; ids not among `places` are ignored and counted. */
  readonly ranking?: readonly string[];
  /** The LLM's one-line reasons by candidate id (shown for the places it was given). */
  readonly rankingReasons?: Readonly<Record<string, string>>;
  /** Candidate ids the traveller must visit: planned ahead of every other visit wherever they fit. */
  readonly mustVisit?: readonly string[];
}

/** A travel leg as shown in the itinerary. */
export interface ItineraryTravel {
  /** `taxi` where a walking or transit trip's leg is too long to walk and transit is no real option. */
  readonly mode: ItineraryTravelMode;
  readonly distanceMeters: number;
  readonly durationSeconds: number;
  readonly estimated: boolean;
}

/** One entry of a day (docs/architecture.md#api-contract itinerary item, plus `meal` and `placeId`). */
export interface ItineraryItem {
  /** Deterministic: date, position and place. */
  readonly id: string;
  readonly kind: 'visit' | 'meal' | 'travel' | 'rest';
  readonly start: string;
  readonly end: string;
  readonly placeId?: string;
  readonly place?: Place;
  readonly travel?: ItineraryTravel;
  /** Which meal a `meal` item is. */
  readonly meal?: 'lunch' | 'dinner';
  /** Why this place, one line in the trip's language (visits and meals). */
  readonly reason?: string;
  /** What the traveller should check about this item (unknown access, an unverified diet). */
  readonly warnings?: readonly string[];
}

export interface ItineraryDay {
  readonly date: string;
  readonly items: readonly ItineraryItem[];
}

/** A candidate that is not in the itinerary, and why. */
export interface DroppedPlace {
  readonly placeId: string;
  readonly name: string;
  readonly reason: string;
}

/** Traveller-facing warnings; internal facts (estimates, repairs, ranking noise) are `PlanResult.notes`. */
export type PlanWarningCode =
  'unknown_opening_hours' | 'meal_not_scheduled' | 'day_without_visits' | 'transit_for_long_legs';

/** Something the traveller or the caller should know about the plan. */
export interface PlanWarning {
  readonly code: PlanWarningCode;
  readonly message: string;
  readonly date?: string;
  readonly placeId?: string;
}
