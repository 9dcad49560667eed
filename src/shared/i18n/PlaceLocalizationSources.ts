import type { Place } from '../domain/place.js';
import type { PlaceServices } from '../places/PlaceServices.js';

/** Where the localizer reads provider data in other languages: Google, directly or via a Kakao match. */
export interface PlaceLocalizationSources {
  /** Our id of the Google place matched to a Kakao place (the opening-hours match), if any. */
  googleMatch(place: Place, signal?: AbortSignal): Promise<string | undefined>;
  /** A Google place in `language` (Places `languageCode`). */
  googlePlace(id: string, language: string, signal?: AbortSignal): Promise<Place>;
}

/** The sources on the app's place services (cached: matches 10 min, details 2 h per language). */
export function placeServicesSources(places: PlaceServices): PlaceLocalizationSources {
  return {
    async googleMatch(place, signal) {
      return (await places.hours.match(place, signal)).googleId;
    },
    async googlePlace(id, language, signal) {
      return (await places.details.get(id, language, signal)).place;
    },
  };
}
