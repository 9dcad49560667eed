import type { LatLng } from '../../domain/place.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../geocoding/GeocodeResult.js';
import type { GeocodeLocale, GeocodingProvider } from '../GeocodingProvider.js';
import type { MapProvider } from '../MapProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import type { GooglePlacesClient } from './GooglePlacesClient.js';

type Client = Pick<GooglePlacesClient, 'searchText' | 'searchNearby'>;

/** Radius for the nearest-place reverse geocode: a street address, not a district. */
const REVERSE_RADIUS_METERS = 100;

/**
 * Geocoding without Google's Geocoding API, which is a separate, legacy-priced product outside the
 * Places/Routes pair we already hold keys, quotas and field masks for (docs/adr/0003): Text Search
 * with the address as the query (a matched place carries its formatted address and location), and
 * the nearest place within 100 m for the reverse.
 */
export class GoogleGeocoding extends WrappedProvider<Client> implements GeocodingProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';

  async geocode(
    address: string,
    locale: Readonly<GeocodeLocale>,
    signal?: AbortSignal,
  ): Promise<GeocodeResult[]> {
    const { places } = await this.call(
      (client, inner) =>
        client.searchText(
          { textQuery: address, languageCode: locale.language, regionCode: locale.region, pageSize: 5 },
          { signal: inner },
        ),
      signal,
    );
    return places.map((place) => ({
      location: place.location,
      address: place.address,
      provider: 'google',
      placeId: place.id,
    }));
  }

  async reverse(
    point: Readonly<LatLng>,
    locale: Readonly<GeocodeLocale>,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | undefined> {
    const { places } = await this.call(
      (client, inner) =>
        client.searchNearby(
          {
            center: point,
            radiusMeters: REVERSE_RADIUS_METERS,
            maxResultCount: 1,
            rankPreference: 'DISTANCE',
            languageCode: locale.language,
            regionCode: locale.region,
          },
          { signal: inner },
        ),
      signal,
    );
    const nearest = places[0];
    return nearest ? { address: nearest.address, provider: 'google', regions: [] } : undefined;
  }
}
