import type { AppContext } from '../app/AppContext.js';
import { placeServicesSource } from '../pipeline/placeServicesSource.js';
import { ItineraryEditor } from './ItineraryEditor.js';
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

const built = new WeakMap<AppContext, ItineraryEditing>();

/**
 * The editing services of one app context, built on first use from what the context already holds
 * (the itinerary store, trips, the cached place services), once per process like the rest of it.
 */
export function itineraryEditingFor(app: AppContext): ItineraryEditing {
  let editing = built.get(app);
  if (!editing) {
    const versions = new ItineraryVersions(app.storage.blobs.getContainerClient(VERSIONS_CONTAINER));
    const photoBlobs = new PhotoBlobs(app.storage.blobs, PHOTOS_CONTAINER);
    const editor = new ItineraryEditor({
      store: app.itineraryStore,
      versions,
      trips: app.trips,
      source: placeServicesSource(app.places),
      photoBlobs,
      logger: app.logger,
    });
    const photos = new PhotoService({
      store: app.itineraryStore,
      blobs: photoBlobs,
      maxBytes: app.config.attachments.maxBytes,
    });
    const shares = new ShareLinks(app.storage.blobs.getContainerClient(SHARES_CONTAINER));
    editing = { editor, versions, photos, photoBlobs, shares };
    built.set(app, editing);
  }
  return editing;
}
