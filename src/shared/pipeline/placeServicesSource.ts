import type { Place } from '../domain/place.js';
import type { MatrixCell } from '../domain/route.js';
import { placeSearchParamsSchema } from '../places/placeSearchParams.js';
import type { PlaceServices } from '../places/PlaceServices.js';
import type { PlaceSearchQuery, PlaceSource, RouteMatrixQuery } from '../planner/PlaceSource.js';

/** The planner's PlaceSource over the same cached, resilient services the REST API and MCP use. */
export function placeServicesSource(places: PlaceServices): PlaceSource {
  return {
    async searchPlaces(query: PlaceSearchQuery, signal?: AbortSignal): Promise<Place[]> {
      const params = placeSearchParamsSchema.parse({
        query: query.query,
        category: query.category,
        lat: query.near.lat,
        lng: query.near.lng,
        radius: Math.min(20_000, Math.max(1, Math.round(query.radiusMeters))),
        language: query.language,
        size: Math.min(15, query.size),
        ...(query.page === undefined ? {} : { page: query.page }),
      });
      return (await places.search.search(params, signal)).places;
    },
    async placeDetails(id: string, language: string, signal?: AbortSignal): Promise<Place> {
      return (await places.details.get(id, language, signal)).place;
    },
    async routeMatrix(query: RouteMatrixQuery, signal?: AbortSignal): Promise<MatrixCell[][]> {
      return places.routes.matrix(
        { origins: [...query.origins], destinations: [...query.destinations], mode: query.mode },
        signal,
      );
    },
  };
}
