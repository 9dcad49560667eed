import type { TieredCache } from '../cache/TieredCache.js';
import type { ProviderSet } from '../providers/ProviderSet.js';
import { GeocodeService } from './GeocodeService.js';
import { HoursMatcher } from './HoursMatcher.js';
import { PlaceDetailsService } from './PlaceDetailsService.js';
import { PlaceSearchService } from './PlaceSearchService.js';
import { RouteService } from './RouteService.js';
import type { SearchRecorder } from './SearchRecorder.js';

/** The place, route and geocoding services behind the REST API, the MCP tools and the planner. */
export interface PlaceServices {
  /** The providers behind the services, by capability (health, metrics and breaker tests read their policies). */
  readonly providers: ProviderSet;
  readonly search: PlaceSearchService;
  readonly details: PlaceDetailsService;
  readonly routes: RouteService;
  readonly geocoding: GeocodeService;
  readonly hours: HoursMatcher;
  readonly recorder: SearchRecorder;
}

export function createPlaceServices(
  providers: ProviderSet,
  cache: TieredCache,
  recorder: SearchRecorder,
): PlaceServices {
  const hours = new HoursMatcher(providers.placeSearch, cache);
  const details = new PlaceDetailsService(providers.placeDetails, cache, hours);
  return {
    providers,
    search: new PlaceSearchService({
      providers: providers.placeSearch,
      cache,
      recorder,
      onFetched: (places) => details.remember(places),
    }),
    details,
    routes: new RouteService({ routes: providers.routes, matrix: providers.matrix, cache }),
    geocoding: new GeocodeService(providers.geocoding, cache),
    hours,
    recorder,
  };
}
