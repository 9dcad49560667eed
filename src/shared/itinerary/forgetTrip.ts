import type { BlobServiceClient } from '@azure/storage-blob';

import { SHARES_CONTAINER, VERSIONS_CONTAINER } from './itineraryEditingFor.js';
import { ItineraryVersions } from './ItineraryVersions.js';
import { ShareLinks } from './share/ShareLinks.js';

/**
 * A trip's dependents kept outside the trip service's own stores — its earlier itinerary versions and
 * its share link — as one idempotent step of the trip delete (`TripServiceDeps.forget`). Being a step
 * of the delete (before the trip row goes) rather than a call after it means a delete interrupted
 * anywhere is finished by the sweeper with nothing left behind.
 */
export function tripForgetter(blobs: BlobServiceClient): (ownerId: string, tripId: string) => Promise<void> {
  const versions = new ItineraryVersions(blobs.getContainerClient(VERSIONS_CONTAINER));
  const shares = new ShareLinks(blobs.getContainerClient(SHARES_CONTAINER));
  return async function forgetTrip(ownerId, tripId) {
    await versions.deleteAll(ownerId, tripId);
    await shares.revoke(ownerId, tripId);
  };
}
