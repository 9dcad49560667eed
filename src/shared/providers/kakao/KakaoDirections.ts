import type { RouteLeg, TravelMode } from '../../domain/route.js';
import type { MapProvider } from '../MapProvider.js';
import type { RouteProvider, RouteRequest } from '../RouteProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import type { KakaoMobilityClient } from './KakaoMobilityClient.js';

type Client = Pick<KakaoMobilityClient, 'directions'>;

/** Kakao Mobility car directions: Korea only, cars only (it has no walking, transit or cycling API). */
export class KakaoDirections extends WrappedProvider<Client> implements RouteProvider {
  readonly name = 'kakao';
  readonly region: MapProvider['region'] = 'KR';
  readonly modes: readonly TravelMode[] = ['car'];

  async route(request: RouteRequest, signal?: AbortSignal): Promise<RouteLeg> {
    return this.call(
      (client, inner) =>
        client.directions({ origin: request.from, destination: request.to }, { signal: inner }),
      signal,
    );
  }

  /** Kakao covers all of Korea: a missing route is about these two points only. */
  isOutOfCoverage(): boolean {
    return false;
  }
}
