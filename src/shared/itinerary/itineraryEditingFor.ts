import type { BlobServiceClient } from '@azure/storage-blob';

import type { AppContext } from '../app/AppContext.js';
import { placeServicesSource } from '../pipeline/placeServicesSource.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import type { Logger } from '../telemetry/Logger.js';
import { ItineraryEditor, type ItineraryEditorDeps } from './ItineraryEditor.js';
import type { ItineraryStore } from './ItineraryStore.js';
import { ItineraryVersions } from './ItineraryVersions.js';
import { PhotoBlobs } from './photos/PhotoBlobs.js';
import { PhotoService } from './photos/PhotoService.js';
import { ShareLinks } from './share/ShareLinks.js';

/** Container of earlier itinerary versions. */
export const VERSIONS_CONTAINER = 'itinerary-versions';
/** Container of photo attachments (the one the upload URLs point into). */
export const PHOTOS_CONTAINER = 'attachments';
/** Container of share links (token hashes). */
export const SHARES_CONTAINER = 'shares';

export interface ItineraryEditing {
  editor: ItineraryEditor;
  versions: ItineraryVersions;
  photos: PhotoService;
  photoBlobs: PhotoBlobs;
  shares: ShareLinks;
}

/** What the editing services are built from (the composition root holds them all). */
export interface ItineraryEditingDeps {
  store: ItineraryStore;
  trips: ItineraryEditorDeps['trips'];
  places: PlaceServices;
  blobs: BlobServiceClient;
  attachmentMaxBytes: number;
  logger: Logger;
}

/** The editing services, built once per process by the composition root (`buildAppContext`). */
export function createItineraryEditing(deps: Readonly<ItineraryEditingDeps>): ItineraryEditing {
  const versions = new ItineraryVersions(deps.blobs.getContainerClient(VERSIONS_CONTAINER));
  const photoBlobs = new PhotoBlobs(deps.blobs, PHOTOS_CONTAINER);
  const editor = new ItineraryEditor({
    store: deps.store,
    versions,
    trips: deps.trips,
    source: placeServicesSource(deps.places),
    photoBlobs,
    logger: deps.logger,
  });
  const photos = new PhotoService({
    store: deps.store,
    blobs: photoBlobs,
    maxBytes: deps.attachmentMaxBytes,
  });
  const shares = new ShareLinks(deps.blobs.getContainerClient(SHARES_CONTAINER));
  return { editor, versions, photos, photoBlobs, shares };
}

/** The editing services of one app context. */
export function itineraryEditingFor(app: Pick<AppContext, 'itineraryEditing'>): ItineraryEditing {
  return app.itineraryEditing;
}
