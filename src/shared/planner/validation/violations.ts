/** Everything the validator can find wrong with an itinerary. */
export type ViolationKind =
  | 'unknown_place'
  | 'closed'
  | 'closed_day'
  | 'unknown_hours_outside_default'
  | 'chronology'
  | 'outside_day'
  | 'duplicate_visit'
  | 'missing_leg'
  | 'leg_too_short'
  | 'meal_missing'
  | 'meal_outside_window'
  | 'pace_visits'
  | 'pace_walk_leg'
  | 'pace_walk_day'
  | 'unsuitable';

/** Records one violation; `item` names the item (and its place) it concerns. */
export type FlagViolation = (
  kind: ViolationKind,
  message: string,
  item?: { id: string; placeId?: string },
) => void;

export interface Violation {
  readonly kind: ViolationKind;
  readonly date: string;
  readonly message: string;
  readonly itemId?: string;
  readonly placeId?: string;
}

/**
 * Which benchmark metric each kind counts towards: 1 places not from the provider data, 2 visits
 * outside opening hours, 3 overlaps/chronology, 4 legs shorter than the travel time, 7 meals,
 * 8 pace and suitability for the most limited traveller.
 */
export const METRIC_OF: Readonly<Record<ViolationKind, 1 | 2 | 3 | 4 | 7 | 8>> = {
  unknown_place: 1,
  closed: 2,
  closed_day: 2,
  unknown_hours_outside_default: 2,
  chronology: 3,
  outside_day: 3,
  duplicate_visit: 3,
  missing_leg: 4,
  leg_too_short: 4,
  meal_missing: 7,
  meal_outside_window: 7,
  pace_visits: 8,
  pace_walk_leg: 8,
  pace_walk_day: 8,
  unsuitable: 8,
};
