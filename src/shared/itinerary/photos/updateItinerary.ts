import { AppError } from '../../errors/AppError.js';
import type { ItineraryDocument } from '../ItineraryDocument.js';
import type { ItineraryStore, StoredItinerary } from '../ItineraryStore.js';

/**
 * Read-modify-write of one itinerary, retried when a concurrent writer got there first. `change`
 * edits the copy in place and returns false when there is nothing to write.
 */
export async function updateItinerary(
  store: ItineraryStore,
  ownerId: string,
  tripId: string,
  change: (doc: ItineraryDocument) => boolean,
): Promise<StoredItinerary | undefined> {
  for (let attempt = 0; ; attempt++) {
    const stored = await store.find(ownerId, tripId);
    if (!stored) return undefined;
    const copy = structuredClone(stored.doc) as ItineraryDocument;
    if (!change(copy)) return stored;
    try {
      return { doc: copy, etag: await store.put(ownerId, tripId, copy, stored.etag) };
    } catch (error) {
      if (attempt >= 4 || !(error instanceof AppError && error.code === 'precondition_failed')) throw error;
    }
  }
}
