import type { MapProvider } from '../MapProvider.js';
import type {
  PageRequest,
  PlaceQuery,
  PlaceSearchPage,
  PlaceSearchPaging,
  PlaceSearchProvider,
} from '../PlaceSearchProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import type { GooglePlacesClient } from './GooglePlacesClient.js';
import { googleIncludedTypeForCategory, googleTypesForCategory } from './googlePlaceTypes.js';

type Client = Pick<GooglePlacesClient, 'searchText' | 'searchNearby'>;

/**
 * Google Places (New) Text Search and Nearby Search: worldwide, in the requested language, with
 * opening hours. Text Search pages by token; Nearby Search has one page of at most 20.
 */
export class GooglePlaceSearch extends WrappedProvider<Client> implements PlaceSearchProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';
  readonly localized = true;
  readonly knowsHours = true;

  /** Text Search pages by token; Nearby Search has no paging in the API. */
  paging(query: PlaceQuery): PlaceSearchPaging {
    return query.kind === 'text' ? 'cursor' : 'none';
  }

  async search(query: PlaceQuery, page: PageRequest, signal?: AbortSignal): Promise<PlaceSearchPage> {
    const locale = { languageCode: query.language, regionCode: query.region };
    if (query.kind === 'nearby') {
      const result = await this.call(
        (client, inner) =>
          client.searchNearby(
            {
              center: query.center,
              radiusMeters: query.radius,
              includedTypes: googleTypesForCategory(query.category),
              maxResultCount: query.size,
              rankPreference: 'POPULARITY',
              ...locale,
            },
            { signal: inner },
          ),
        signal,
      );
      return { places: result.places, hasMore: false };
    }
    const result = await this.call(
      (client, inner) =>
        client.searchText(
          {
            textQuery: query.text,
            includedType: query.category ? googleIncludedTypeForCategory(query.category) : undefined,
            openNow: query.openNow,
            locationBias: query.center ? { center: query.center, radiusMeters: query.radius } : undefined,
            pageSize: query.size,
            pageToken: page.cursor,
            ...locale,
          },
          { signal: inner },
        ),
      signal,
    );
    return {
      places: result.places,
      hasMore: Boolean(result.nextPageToken),
      nextCursor: result.nextPageToken,
    };
  }
}
