import type { LatLng } from '../domain/place.js';
import type { MatrixCell, RouteLeg, TravelMode } from '../domain/route.js';
import type { MapProvider } from './MapProvider.js';

export interface RouteRequest {
  from: LatLng;
  to: LatLng;
  mode: TravelMode;
  departAt?: string;
}

export interface MatrixRequest {
  origins: LatLng[];
  destinations: LatLng[];
  mode: TravelMode;
}

/** One travel leg, already behind its resilience policy. */
export interface RouteProvider extends MapProvider {
  readonly modes: readonly TravelMode[];
  route(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg>;
  /**
   * Whether `error` says the provider has no directions anywhere in this area for the mode (Google in
   * Korea), as opposed to no route between these two points: routing stops asking it there.
   */
  isOutOfCoverage(error: unknown): boolean;
}

/** Origins × destinations in one call, already behind its resilience policy. */
export interface MatrixProvider extends MapProvider {
  /** The most origin × destination pairs one call may carry for `mode`. */
  maxElements(mode: TravelMode): number;
  /** rows[origin][destination]; `null` where the provider has no route for that pair. */
  matrix(request: MatrixRequest, signal?: AbortSignal): Promise<(MatrixCell | null)[][]>;
}
