import type { Place } from '../domain/place.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import type { PlaceLocalizer } from './PlaceLocalizer.js';

type ItineraryView = Pick<ItineraryDocument, 'days' | 'warnings' | 'dropped'>;

/** An itinerary's public view as read in one language. */
export type LocalizedItinerary<T extends ItineraryView> = T & { language: string };

/**
 * Every place of an itinerary in `language`, in one localization pass (so all its names share one
 * batch of Translator calls); localization warnings are appended to the itinerary's own. The stored
 * document is not changed: reading a plan in another language needs no new job.
 */
export async function localizeItinerary<T extends ItineraryView>(
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
  // Dropped candidates keep only a name: Kakao's are Korean; others are left to detection.
  const dropped = await localizer.localizeNames(
    doc.dropped.map((d) => ({
      name: d.name ?? '',
      ...(d.placeId?.startsWith('kakao:') ? { originalLanguage: 'ko' } : {}),
    })),
    language,
  );
  return {
    ...doc,
    language,
    days: doc.days.map((day) => ({
      ...day,
      items: day.items.map((item) => (byItem.has(item) ? { ...item, place: byItem.get(item) } : item)),
    })),
    dropped: doc.dropped.map((d, i) =>
      d.name && dropped.value[i] !== d.name ? { ...d, name: dropped.value[i], nameOriginal: d.name } : d,
    ),
    warnings: [...doc.warnings, ...(warnings.length > 0 ? warnings : dropped.warnings)],
  };
}
