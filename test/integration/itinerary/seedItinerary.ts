import type { ItineraryDocument } from '../../../src/shared/itinerary/ItineraryDocument.js';

/** A stored-looking itinerary with `itemCount` visit items on one day, ids `item-0` … */
export function seedItinerary(tripId: string, itemCount: number, jobId = 'seed-job'): ItineraryDocument {
  return {
    tripId,
    jobId,
    generatedAt: new Date().toISOString(),
    days: [
      {
        date: '2026-12-10',
        items: Array.from({ length: itemCount }, (_, i) => ({
          id: `item-${i}`,
          kind: 'visit' as const,
          start: '10:00',
          end: '11:00',
        })),
      },
    ],
    warnings: [],
    dropped: [],
  };
}
