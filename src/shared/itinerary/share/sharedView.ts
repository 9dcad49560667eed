import type { ItineraryDocument } from '../ItineraryDocument.js';

/**
 * The itinerary as a share link shows it: no job, versions or metrics; no photo blob names; memos
 * only when the owner chose to share them.
 */
export function sharedView(doc: ItineraryDocument, tripName: string, includeMemos: boolean) {
  return {
    tripName,
    tripId: doc.tripId,
    generatedAt: doc.generatedAt,
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
