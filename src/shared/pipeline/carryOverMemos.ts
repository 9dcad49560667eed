import { carryLegNotes, detachedWarning, detachLostDays } from '../itinerary/edit/carryLegNotes.js';
import { carryPlaceNotes } from '../itinerary/edit/carryPlaceNotes.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';

/**
 * A newly generated itinerary with what the traveller added to the one it replaces: memos and photos
 * on visits and meals follow their place (`carryPlaceNotes`), those on travel legs and rests the leg
 * between the same places or the rest after the same stop (`carryLegNotes`); whatever the new plan
 * has no place for moves to `detachedNotes` with a `note_detached` warning, next to the notes
 * detached earlier. Nothing is dropped, so no photo record loses its blob or the other way round.
 */
export function carryOverMemos(
  doc: ItineraryDocument,
  previous: ItineraryDocument | undefined,
  at = new Date().toISOString(),
): ItineraryDocument {
  if (!previous) return doc;
  const places = carryPlaceNotes(previous, doc.days, at);
  const dates = new Set(places.days.map((d) => d.date));
  const legs = carryLegNotes(previous, places.days, dates, at);
  const detached = [
    ...places.detached,
    ...legs.detached,
    ...detachLostDays(previous, legs.days, 'a day the trip no longer has', at),
  ];
  const detachedNotes = [...(previous.detachedNotes ?? []), ...detached];
  return {
    ...doc,
    days: legs.days,
    ...(detachedNotes.length > 0 ? { detachedNotes } : {}),
    warnings: [...doc.warnings, ...detached.map(detachedWarning)],
    // Versions are kept by revision: numbering on from the replaced document keeps an edit after this
    // job from saving over a kept version with a reused number.
    revision: (previous.revision ?? 0) + 1,
  };
}
