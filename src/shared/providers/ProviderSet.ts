import type { ProviderPolicy } from '../resilience/ProviderPolicy.js';
import type { GeocodingProvider } from './GeocodingProvider.js';
import type { PlaceDetailsProvider } from './PlaceDetailsProvider.js';
import type { PlaceSearchProvider } from './PlaceSearchProvider.js';
import type { MatrixProvider, RouteProvider } from './RouteProvider.js';

/**
 * Every configured map provider, by capability. The services pick among each list by region and
 * capability flags; adding a provider or an operation means adding an implementation here, not a
 * branch in a service.
 */
export interface ProviderSet {
  readonly placeSearch: readonly PlaceSearchProvider[];
  readonly placeDetails: readonly PlaceDetailsProvider[];
  readonly routes: readonly RouteProvider[];
  readonly matrix: readonly MatrixProvider[];
  readonly geocoding: readonly GeocodingProvider[];
  /** The resilience policy of each provider operation by name (`kakao.search`), for health and metrics. */
  readonly policies: ReadonlyMap<string, ProviderPolicy>;
}
