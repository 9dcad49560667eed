import type { TieredCache } from '../cache/TieredCache.js';
import { GeocodeService } from './GeocodeService.js';
import { HoursMatcher } from './HoursMatcher.js';
import { PlaceDetailsService } from './PlaceDetailsService.js';
import { PlaceSearchService } from './PlaceSearchService.js';
import type { ProviderClients } from './ProviderClients.js';
import { RouteService } from './RouteService.js';
import type { SearchRecorder } from './SearchRecorder.js';

/** The place, route and geocoding services behind the REST API, the MCP tools and the planner. */
export interface PlaceServices {
  readonly clients: ProviderClients;
  readonly search: PlaceSearchService;
  readonly details: PlaceDetailsService;
  readonly routes: RouteService;
  readonly geocoding: GeocodeService;
  readonly hours: HoursMatcher;
  readonly recorder: SearchRecorder;
}

export function createPlaceServices(
  clients: ProviderClients,
  cache: TieredCache,
  recorder: SearchRecorder,
): PlaceServices {
  const hours = new HoursMatcher(clients, cache);
  const details = new PlaceDetailsService(clients, cache, hours);
  return {
    clients,
    search: new PlaceSearchService({
      clients,
      cache,
      recorder,
      onFetched: (places) => details.remember(places),
    }),
    details,
    routes: new RouteService(clients, cache),
    geocoding: new GeocodeService(clients, cache),
    hours,
    recorder,
  };
}
