import type { AppContext } from '../app/AppContext.js';
import type { ItineraryDocument } from '../itinerary/ItineraryDocument.js';
import { publicItinerary } from '../itinerary/publicItinerary.js';
import { type LocalizedItinerary, localizeItinerary } from './localizeItinerary.js';

/**
 * The itinerary as its owner reads it after a change (an edit, a regeneration, a restore): public
 * fields only, places in `language` (else the trip's), exactly as GET …/itinerary would show it — so a
 * client that renders the edit's answer shows the same names as the next read.
 */
export async function readableItinerary(
  app: Pick<AppContext, 'localizer' | 'trips'>,
  ownerId: string,
  tripId: string,
  doc: ItineraryDocument,
  language: string | undefined,
  signal?: AbortSignal,
): Promise<LocalizedItinerary<Omit<ItineraryDocument, 'jobId'>>> {
  const lang = language || (await app.trips.get(ownerId, tripId)).trip.language;
  return localizeItinerary(app.localizer, publicItinerary(doc), lang, signal);
}
