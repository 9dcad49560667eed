import type { MatrixCell, RouteLeg, TravelMode } from '../../domain/route.js';
import type { MapProvider } from '../MapProvider.js';
import type { MatrixProvider, MatrixRequest, RouteProvider, RouteRequest } from '../RouteProvider.js';
import type { WrappedClientOptions } from '../WrappedClient.js';
import { isGoogleNoDirections } from './googleNoDirections.js';
import { type GoogleRoutesClient, maxMatrixElements } from './GoogleRoutesClient.js';

/** Google Routes computeRoutes: worldwide, every mode — but no directions at all inside Korea. */
export class GoogleDirections implements RouteProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';
  readonly modes: readonly TravelMode[] = ['car', 'walk', 'transit', 'bicycle'];
  readonly #options: WrappedClientOptions<Pick<GoogleRoutesClient, 'computeRoute'>>;

  constructor(options: Readonly<WrappedClientOptions<Pick<GoogleRoutesClient, 'computeRoute'>>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  async route(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg> {
    const { client, policy } = this.#options;
    return policy.execute(
      (inner) =>
        client.computeRoute(
          { origin: request.from, destination: request.to, mode: request.mode, departAt: request.departAt },
          { signal: inner },
        ),
      signal,
    );
  }

  isOutOfCoverage(error: unknown): boolean {
    return isGoogleNoDirections(error);
  }
}

/** Google Routes computeRouteMatrix: up to 625 pairs a call (100 for transit). */
export class GoogleMatrix implements MatrixProvider {
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';
  readonly #options: WrappedClientOptions<Pick<GoogleRoutesClient, 'computeRouteMatrix'>>;

  constructor(options: Readonly<WrappedClientOptions<Pick<GoogleRoutesClient, 'computeRouteMatrix'>>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  maxElements(mode: TravelMode): number {
    return maxMatrixElements(mode);
  }

  async matrix(request: MatrixRequest, signal?: AbortSignal): Promise<(MatrixCell | null)[][]> {
    const { client, policy } = this.#options;
    const result = await policy.execute(
      (inner) => client.computeRouteMatrix(request, { signal: inner }),
      signal,
    );
    return result.rows;
  }
}
