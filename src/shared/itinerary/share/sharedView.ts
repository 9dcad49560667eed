import type { LocalizedItinerary } from '../../i18n/localizeItinerary.js';
import type { ItineraryDocument } from '../ItineraryDocument.js';

/**
 * The itinerary as a share link shows it: no job, versions or metrics; no photo blob names; memos
 * only when the owner chose to share them. Places come already read in the trip's language (name in
 * that language, `nameOriginal` beside it), as the owner reads them.
 */
export function sharedView(
  doc: LocalizedItinerary<ItineraryDocument>,
  tripName: string,
  includeMemos: boolean,
) {
  return {
    tripName,
    tripId: doc.tripId,
    generatedAt: doc.generatedAt,
    language: doc.language,
    ...(doc.notice ? { notice: doc.notice } : {}),
    days: doc.days.map((day) => ({
      date: day.date,
      items: day.items.map(({ attachments: _a, warnings: _w, memo, durationMinutes: _d, ...item }) => ({
        ...item,
        ...(includeMemos && memo ? { memo } : {}),
      })),
    })),
  };
}

export type SharedItinerary = ReturnType<typeof sharedView>;
