import type { LatLng } from '../../domain/place.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../geocoding/GeocodeResult.js';
import type { GeocodingProvider } from '../GeocodingProvider.js';
import type { MapProvider } from '../MapProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import type { KakaoLocalClient } from './KakaoLocalClient.js';

type Client = Pick<KakaoLocalClient, 'searchAddress' | 'regionAt'>;

/**
 * Kakao address search (geocode) and coord2regioncode (reverse): they know Korean addresses better
 * than Google does. Kakao has no language parameter: addresses come back in Korean.
 */
export class KakaoGeocoding extends WrappedProvider<Client> implements GeocodingProvider {
  readonly name = 'kakao';
  readonly region: MapProvider['region'] = 'KR';

  async geocode(address: string, _locale: unknown, signal?: AbortSignal): Promise<GeocodeResult[]> {
    const page = await this.call(
      (client, inner) => client.searchAddress({ query: address, size: 10 }, { signal: inner }),
      signal,
    );
    return page.results;
  }

  async reverse(
    point: Readonly<LatLng>,
    _locale: unknown,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | undefined> {
    return this.call((client, inner) => client.regionAt(point, { signal: inner }), signal);
  }
}
