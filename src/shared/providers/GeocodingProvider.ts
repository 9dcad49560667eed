import type { LatLng } from '../domain/place.js';
import type { GeocodeResult, ReverseGeocodeResult } from './geocoding/GeocodeResult.js';
import type { MapProvider } from './MapProvider.js';

export interface GeocodeLocale {
  language?: string;
  region?: string;
}

/** Address ↔ point, already behind its resilience policy. */
export interface GeocodingProvider extends MapProvider {
  /** Candidate points for `address`, best first; empty when nothing matches. */
  geocode(address: string, locale: Readonly<GeocodeLocale>, signal?: AbortSignal): Promise<GeocodeResult[]>;
  /** An address or region for `point`; `undefined` when this provider knows none. */
  reverse(
    point: Readonly<LatLng>,
    locale: Readonly<GeocodeLocale>,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | undefined>;
}
