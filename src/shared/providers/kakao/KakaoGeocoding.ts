import type { LatLng } from '../../domain/place.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../geocoding/GeocodeResult.js';
import type { GeocodingProvider } from '../GeocodingProvider.js';
import type { MapProvider } from '../MapProvider.js';
import type { WrappedClientOptions } from '../WrappedClient.js';
import type { KakaoLocalClient } from './KakaoLocalClient.js';

type Client = Pick<KakaoLocalClient, 'searchAddress' | 'regionAt'>;

/**
 * Kakao address search (geocode) and coord2regioncode (reverse): they know Korean addresses better
 * than Google does. Kakao has no language parameter: addresses come back in Korean.
 */
export class KakaoGeocoding implements GeocodingProvider {
  readonly name = 'kakao';
  readonly region: MapProvider['region'] = 'KR';
  readonly #options: WrappedClientOptions<Client>;

  constructor(options: Readonly<WrappedClientOptions<Client>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  async geocode(address: string, _locale: unknown, signal?: AbortSignal): Promise<GeocodeResult[]> {
    const { client, policy } = this.#options;
    const page = await policy.execute(
      (inner) => client.searchAddress({ query: address, size: 10 }, { signal: inner }),
      signal,
    );
    return page.results;
  }

  async reverse(
    point: Readonly<LatLng>,
    _locale: unknown,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | undefined> {
    const { client, policy } = this.#options;
    return policy.execute((inner) => client.regionAt(point, { signal: inner }), signal);
  }
}
