import type { AppContext } from '../app/AppContext.js';
import { placeServicesSource } from '../pipeline/placeServicesSource.js';
import { ItineraryEditor } from './ItineraryEditor.js';
import { ItineraryVersions } from './ItineraryVersions.js';

/** Container of earlier itinerary versions. */
export const VERSIONS_CONTAINER = 'itinerary-versions';

export interface ItineraryEditing {
  editor: ItineraryEditor;
  versions: ItineraryVersions;
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
    const editor = new ItineraryEditor({
      store: app.itineraryStore,
      versions,
      trips: app.trips,
      source: placeServicesSource(app.places),
    });
    editing = { editor, versions };
    built.set(app, editing);
  }
  return editing;
}
