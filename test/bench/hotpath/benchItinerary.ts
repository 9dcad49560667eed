import type { Place } from '../../../src/shared/domain/place.js';
import type { ItineraryDocument, ItineraryItem } from '../../../src/shared/itinerary/ItineraryDocument.js';

/** A realistic itinerary document (visits with full places, meals, travel legs) of at least `minBytes` JSON. */
export function benchItinerary(
  tripId: string,
  places: readonly Place[],
  minBytes: number,
): ItineraryDocument {
  const doc: ItineraryDocument = {
    tripId,
    jobId: 'bench-job',
    generatedAt: new Date().toISOString(),
    days: [],
    warnings: [],
    dropped: [],
    notice: 'Sample data from the sandbox upstream',
  };
  // One travel leg and one stop at a time, six stops a day, until the document reaches the size.
  for (let n = 0; JSON.stringify(doc).length < minBytes; n++) {
    const day = Math.floor(n / 6);
    const stop = n % 6;
    const date = new Date(Date.UTC(2026, 11, 10 + day)).toISOString().slice(0, 10);
    if (stop === 0) doc.days.push({ date, items: [] });
    const items: ItineraryItem[] = doc.days.at(-1)!.items;
    const place = places[n % places.length]!;
    const hour = String(9 + stop * 2).padStart(2, '0');
    items.push({
      id: `d${day}-t${stop}`,
      kind: 'travel',
      start: `${date}T${hour}:00:00+09:00`,
      end: `${date}T${hour}:20:00+09:00`,
      travel: { mode: 'transit', distanceMeters: 2400 + stop * 10, durationSeconds: 1200, estimated: false },
    });
    items.push({
      id: `d${day}-v${stop}`,
      kind: stop === 2 || stop === 5 ? 'meal' : 'visit',
      start: `${date}T${hour}:20:00+09:00`,
      end: `${date}T${hour}:59:00+09:00`,
      place,
      ...(stop === 2 ? { meal: 'lunch' as const } : stop === 5 ? { meal: 'dinner' as const } : {}),
    });
  }
  return doc;
}
