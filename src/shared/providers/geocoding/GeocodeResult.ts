import type { LatLng, Provider } from '../../domain/place.js';

/** A text address resolved to a point. */
export interface GeocodeResult {
  location: LatLng;
  /** The address as the provider formats it, in the requested language where it can. */
  address: string;
  provider: Provider;
  /** Our place id when the match is a provider place (the Google geocoder answers with places). */
  placeId?: string;
}

/** A point described as an address or region. */
export interface ReverseGeocodeResult {
  address: string;
  provider: Provider;
  /** Administrative names from largest to smallest, e.g. ["서울특별시", "종로구", "청운효자동"]. */
  regions: string[];
  /** The provider's region code (Kakao legal-dong code) when it has one. */
  regionCode?: string;
}
