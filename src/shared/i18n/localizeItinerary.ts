import type { Place } from '../domain/place.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { PlaceLocalizer } from './PlaceLocalizer.js';

/** An itinerary's public view as read in one language. */
export type LocalizedItinerary<T extends Pick<ItineraryDocument, 'days' | 'warnings'>> = T & {
  language: string;
};

/**
 * Every place of an itinerary in `language`, in one localization pass (so all its names share one
 * batch of Translator calls); localization warnings are appended to the itinerary's own. The stored
 * document is not changed: reading a plan in another language needs no new job.
 */
export async function localizeItinerary<T extends Pick<ItineraryDocument, 'days' | 'warnings'>>(
  localizer: PlaceLocalizer,
  doc: T,
  language: string,
  signal?: AbortSignal,
): Promise<LocalizedItinerary<T>> {
  const items = doc.days.flatMap((day) => day.items).filter((item) => item.place);
  const { value, warnings } = await localizer.localize(
    items.map((item) => item.place as Place),
    language,
    signal,
  );
  const byItem = new Map(items.map((item, i) => [item, value[i]!]));
  return {
    ...doc,
    language,
    days: doc.days.map((day) => ({
      ...day,
      items: day.items.map((item) => (byItem.has(item) ? { ...item, place: byItem.get(item) } : item)),
    })),
    warnings: [...doc.warnings, ...warnings],
  };
}
