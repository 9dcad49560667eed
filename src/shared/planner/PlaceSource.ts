import type { LatLng, Place, PlaceCategory } from '../domain/place.js';
import type { MatrixCell, TravelMode } from '../domain/route.js';

/** One place search near a point (keyword, category, or both). */
export interface PlaceSearchQuery {
  readonly query?: string;
  readonly category?: PlaceCategory;
  readonly near: LatLng;
  readonly radiusMeters: number;
  readonly language: string;
  /** Results wanted (Kakao allows at most 15 per page). */
  readonly size: number;
  /** 1-based page of results (default 1). */
  readonly page?: number;
}

/** A travel matrix request: every origin to every destination by one mode. */
export interface RouteMatrixQuery {
  readonly origins: readonly LatLng[];
  readonly destinations: readonly LatLng[];
  readonly mode: TravelMode;
}

/**
 * What candidate gathering needs from the place services (implemented elsewhere over the
 * cached, resilient Kakao/Google providers; faked in memory in tests). Every call takes the job's
 * `AbortSignal`. Errors are `AppError`s; `transient` ones may be retried by the caller.
 */
export interface PlaceSource {
  searchPlaces(query: PlaceSearchQuery, signal?: AbortSignal): Promise<Place[]>;
  placeDetails(id: string, language: string, signal?: AbortSignal): Promise<Place>;
  /** `rows[i][j]` = origins[i] → destinations[j]. */
  routeMatrix(query: RouteMatrixQuery, signal?: AbortSignal): Promise<MatrixCell[][]>;
}
