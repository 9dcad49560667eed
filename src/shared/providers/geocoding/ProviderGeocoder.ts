import { isInKorea } from '../../domain/geo.js';
import type { LatLng } from '../../domain/place.js';
import type { GooglePlacesClient } from '../google/GooglePlacesClient.js';
import type { ProviderCallOptions } from '../http/ProviderClientOptions.js';
import type { KakaoLocalClient } from '../kakao/KakaoLocalClient.js';
import type { GeocodeResult, ReverseGeocodeResult } from './GeocodeResult.js';

export interface ProviderGeocoderOptions {
  kakaoLocal: Pick<KakaoLocalClient, 'searchAddress' | 'regionAt'>;
  googlePlaces: Pick<GooglePlacesClient, 'searchText' | 'searchNearby'>;
}

export interface GeocodeLocale {
  languageCode?: string;
  regionCode?: string;
}

const HANGUL = /[\u3131-\u318E\uAC00-\uD7A3]/;

/** Radius for the nearest-place reverse geocode outside Korea: a street address, not a district. */
const REVERSE_RADIUS_METERS = 100;

/**
 * Geocoding without Google's Geocoding API. That API is a separate, legacy-priced product outside the
 * Places/Routes pair we already hold keys, quotas and field masks for, so:
 * - in Korea: Kakao address search (geocode) and coord2regioncode (reverse), which know Korean
 *   addresses better than Google does;
 * - elsewhere: Places Text Search with the address as the text query (geocode; a matched place
 *   carries its formatted address and location), and the nearest place within 100 m (reverse).
 * A query is treated as Korean when `regionCode` is KR or it contains Hangul; when Kakao finds
 * nothing for it, Places gets a try (Korean place names rather than addresses).
 * Provider errors propagate as they are: cross-provider fallback on failure is routing's job.
 */
export class ProviderGeocoder {
  readonly #kakao: ProviderGeocoderOptions['kakaoLocal'];
  readonly #google: ProviderGeocoderOptions['googlePlaces'];

  constructor(options: Readonly<ProviderGeocoderOptions>) {
    this.#kakao = options.kakaoLocal;
    this.#google = options.googlePlaces;
  }

  /** Candidate points for `address`, best first; empty when nothing matches. */
  async geocode(
    address: string,
    locale: Readonly<GeocodeLocale> = {},
    call?: Readonly<ProviderCallOptions>,
  ): Promise<GeocodeResult[]> {
    if (locale.regionCode?.toUpperCase() === 'KR' || HANGUL.test(address)) {
      const { results } = await this.#kakao.searchAddress({ query: address, size: 10 }, call);
      if (results.length > 0) return results;
    }
    const { places } = await this.#google.searchText({ textQuery: address, ...locale, pageSize: 5 }, call);
    return places.map((place) => ({
      location: place.location,
      address: place.address,
      provider: 'google',
      placeId: place.id,
    }));
  }

  /** An address or region for `point`; `undefined` when no provider knows one. */
  async reverseGeocode(
    point: Readonly<LatLng>,
    locale: Readonly<GeocodeLocale> = {},
    call?: Readonly<ProviderCallOptions>,
  ): Promise<ReverseGeocodeResult | undefined> {
    if (isInKorea(point)) {
      const region = await this.#kakao.regionAt(point, call);
      if (region) return region;
    }
    const { places } = await this.#google.searchNearby(
      {
        center: point,
        radiusMeters: REVERSE_RADIUS_METERS,
        maxResultCount: 1,
        rankPreference: 'DISTANCE',
        ...locale,
      },
      call,
    );
    const nearest = places[0];
    return nearest ? { address: nearest.address, provider: 'google', regions: [] } : undefined;
  }
}
