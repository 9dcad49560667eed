import type { RouteLeg, TravelMode } from '../../domain/route.js';
import { parseGoogleDuration } from './googleDuration.js';
import { googleNoDirectionsError } from './googleNoDirections.js';
import type { GoogleComputeRoutesResponse } from './googleRoutesSchemas.js';

/**
 * The first route of a `computeRoutes` answer as a RouteLeg. An empty answer (`{}`, Google's
 * "no route", which is every DRIVE/WALK request in Korea) throws `no_route` / google-no-directions.
 */
export function fromGoogleRoutes(
  response: Readonly<GoogleComputeRoutesResponse>,
  mode: TravelMode,
): RouteLeg {
  const route = response.routes?.[0];
  if (!route) throw googleNoDirectionsError('route');
  return {
    distanceMeters: route.distanceMeters ?? 0,
    durationSeconds: Math.round(parseGoogleDuration(route.duration ?? '0s') ?? 0),
    mode,
    provider: 'google',
    estimated: false,
  };
}
