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
  // Dropped candidates stored with their location and address are localized like planned places (a
  // Kakao place gets its matched Google name); older ones with a bare name go to Translator alone.
  const located = doc.dropped.flatMap((d, i) => {
    const place = droppedPlace(d);
    return place ? [{ i, place }] : [];
  });
  const { value, warnings } = await localizer.localize(
    [...items.map((item) => item.place as Place), ...located.map((l) => l.place)],
    language,
    signal,
  );
  const byItem = new Map(items.map((item, i) => [item, value[i]!]));
  const byDropped = new Map(located.map((l, k) => [l.i, value[items.length + k]!]));
  const bare = doc.dropped.flatMap((d, i) => (byDropped.has(i) ? [] : [{ d, i }]));
  // Bare names: Kakao's are Korean; others are left to detection.
  const named = await localizer.localizeNames(
    bare.map(({ d }) => ({
      name: d.name ?? '',
      ...(d.placeId?.startsWith('kakao:') ? { originalLanguage: 'ko' } : {}),
    })),
    language,
  );
  const byBare = new Map(bare.map(({ i }, k) => [i, named.value[k]!]));
  return {
    ...doc,
    language,
    days: doc.days.map((day) => ({
      ...day,
      items: day.items.map((item) => (byItem.has(item) ? { ...item, place: byItem.get(item) } : item)),
    })),
    dropped: doc.dropped.map(({ location: _location, address: _address, ...d }, i) => {
      const name = byDropped.get(i)?.name ?? byBare.get(i);
      return d.name && name && name !== d.name ? { ...d, name, nameOriginal: d.name } : d;
    }),
    warnings: [...doc.warnings, ...(warnings.length > 0 ? warnings : named.warnings)],
  };
}

/** A dropped candidate as a place to localize, when it was stored with its location. */
function droppedPlace(d: ItineraryView['dropped'][number]): Place | undefined {
  if (!d.placeId || !d.name || !d.location) return undefined;
  return {
    id: d.placeId,
    provider: d.placeId.startsWith('kakao:') ? 'kakao' : 'google',
    name: d.name,
    address: d.address ?? '',
    location: d.location,
    category: 'attraction',
    categories: [],
  };
}
