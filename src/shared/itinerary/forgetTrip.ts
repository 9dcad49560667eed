import type { AppContext } from '../app/AppContext.js';
import { itineraryEditingFor } from './itineraryEditingFor.js';

/** After a trip is deleted: its kept itinerary versions and its share link go too. */
export async function forgetTrip(app: AppContext, ownerId: string, tripId: string): Promise<void> {
  const { versions, shares } = itineraryEditingFor(app);
  await versions.deleteAll(ownerId, tripId);
  await shares.revoke(ownerId, tripId);
}
