import type { Place, PlaceCategory } from '../domain/place.js';
import type { GroupProfile } from './groupProfile.js';
import { kindOf } from './placeKind.js';

/** Recommended visit length of a category, minutes. */
export interface DurationRange {
  readonly min: number;
  readonly typical: number;
  readonly max: number;
}

/**
 * Typical visit lengths by category (a museum takes longer than a viewpoint). The validator counts
 * a visit as well-sized when it lies in [min, max].
 */
export const VISIT_DURATIONS: Readonly<Record<PlaceCategory, DurationRange>> = {
  attraction: { min: 30, typical: 60, max: 120 },
  culture: { min: 45, typical: 90, max: 150 },
  nature: { min: 45, typical: 75, max: 150 },
  restaurant: { min: 45, typical: 60, max: 100 },
  cafe: { min: 30, typical: 45, max: 75 },
  lodging: { min: 15, typical: 30, max: 60 },
  shopping: { min: 30, typical: 60, max: 120 },
  activity: { min: 60, typical: 90, max: 180 },
};

/** Lunch and dinner: when they may happen and how long they take. */
export interface MealRule {
  readonly meal: 'lunch' | 'dinner';
  /** Minutes since midnight; the meal must start and end inside. */
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly minutes: number;
}

export const DEFAULT_MEALS: readonly MealRule[] = [
  { meal: 'lunch', windowStart: 11 * 60 + 30, windowEnd: 14 * 60, minutes: 60 },
  { meal: 'dinner', windowStart: 17 * 60 + 30, windowEnd: 20 * 60 + 30, minutes: 75 },
];

/** A place's visit range: its kind's (a square 20–40 min, a theme park hours), else its category's. */
export function visitRange(place: Pick<Place, 'category' | 'categories'>): DurationRange {
  return kindOf(place)?.duration ?? VISIT_DURATIONS[place.category];
}

/** A visit's planned length for the group: typical × the group's factor, kept inside the range. */
export function plannedVisitMinutes(
  place: Pick<Place, 'category' | 'categories'>,
  profile: GroupProfile,
): number {
  const range = visitRange(place);
  return Math.min(
    range.max,
    Math.max(range.min, Math.round((range.typical * profile.durationFactor) / 5) * 5),
  );
}

/** A meal's planned length for the group, inside the restaurant range. */
export function plannedMealMinutes(rule: MealRule, profile: GroupProfile): number {
  const range = VISIT_DURATIONS.restaurant;
  return Math.min(
    range.max,
    Math.max(range.min, Math.round((rule.minutes * profile.durationFactor) / 5) * 5),
  );
}
