import type { MatrixCell, RouteLeg, TravelMode } from '../../domain/route.js';
import type { MapProvider } from '../MapProvider.js';
import type { MatrixProvider, MatrixRequest, RouteProvider, RouteRequest } from '../RouteProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import { isGoogleNoDirections } from './googleNoDirections.js';
import { type GoogleRoutesClient, maxMatrixElements } from './GoogleRoutesClient.js';

/** Google Routes computeRoutes: worldwide, every mode — but no directions at all inside Korea. */
export class GoogleDirections
  extends WrappedProvider<Pick<GoogleRoutesClient, 'computeRoute'>>
  implements RouteProvider
{
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';
  readonly modes: readonly TravelMode[] = ['car', 'walk', 'transit', 'bicycle'];

  async route(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg> {
    return this.call(
      (client, inner) =>
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
export class GoogleMatrix
  extends WrappedProvider<Pick<GoogleRoutesClient, 'computeRouteMatrix'>>
  implements MatrixProvider
{
  readonly name = 'google';
  readonly region: MapProvider['region'] = 'world';

  maxElements(mode: TravelMode): number {
    return maxMatrixElements(mode);
  }

  async matrix(request: MatrixRequest, signal?: AbortSignal): Promise<(MatrixCell | null)[][]> {
    const result = await this.call(
      (client, inner) => client.computeRouteMatrix(request, { signal: inner }),
      signal,
    );
    return result.rows;
  }
}
