import type { Place } from '../../domain/place.js';
import type { ItineraryDay, ItineraryItem } from '../ItineraryDocument.js';

/**
 * A visit or meal of a day as the editor sees it: which place, and what the traveller attached to
 * it (id, memo, photos, chosen length). Travel and rest items are derived by re-timing.
 */
export interface StopSpec {
  kind: 'visit' | 'meal';
  place: Place;
  meal?: 'lunch' | 'dinner';
  /** The item this stop was (its id, memo and attachments carry over); absent for a new stop. */
  from?: ItineraryItem;
  durationMinutes?: number;
  /** Why this place, as the planner said when it chose it (re-timing otherwise says it afresh). */
  reason?: string;
}

/** The day's stops in order. */
export function stopsOf(day: ItineraryDay): StopSpec[] {
  return day.items.flatMap((item) =>
    (item.kind === 'visit' || item.kind === 'meal') && item.place
      ? [
          {
            kind: item.kind,
            place: item.place,
            ...(item.meal ? { meal: item.meal } : {}),
            from: item,
            ...(item.durationMinutes !== undefined ? { durationMinutes: item.durationMinutes } : {}),
          },
        ]
      : [],
  );
}
