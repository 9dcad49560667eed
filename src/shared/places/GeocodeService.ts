import { z } from 'zod';

import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import { numberParam } from '../http/numberParam.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../providers/geocoding/GeocodeResult.js';
import type { GeocodingProvider } from '../providers/GeocodingProvider.js';
import { providersForArea } from '../providers/MapProvider.js';
import { notConfigured } from './notConfigured.js';
import { languageSchema, regionSchema } from './placeSearchParams.js';

export const geocodeParamsSchema = z
  .object({
    address: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('An address or place name, e.g. "서울 종로구 사직로 161" or "1-1 Marunouchi, Tokyo".'),
    language: languageSchema.describe('Result language (BCP-47), default ko.'),
    region: regionSchema.optional().describe('Region hint (CLDR), e.g. KR.'),
  })
  .strict();

export const reverseGeocodeParamsSchema = z
  .object({
    lat: numberParam(z.number().min(-90).max(90)).describe('Latitude (WGS84).'),
    lng: numberParam(z.number().min(-180).max(180)).describe('Longitude (WGS84).'),
    language: languageSchema.describe('Result language (BCP-47), default ko.'),
  })
  .strict();

const HANGUL = /[\u3131-\u318E\uAC00-\uD7A3]/;

/**
 * Geocoding with cache (24 h: addresses do not move). A query is Korean when its region is KR or it
 * contains Hangul; a point is Korean when it lies in Korea. Korean ones go to the Korean specialist
 * (Kakao) first; when it finds nothing, the global provider (Google) is asked. A provider's failure
 * propagates as it is (with its Retry-After), as it always has for geocoding.
 */
export class GeocodeService {
  readonly #providers: readonly GeocodingProvider[];
  readonly #cache: TieredCache;

  constructor(providers: readonly GeocodingProvider[], cache: TieredCache) {
    this.#providers = providers;
    this.#cache = cache;
  }

  async geocode(
    params: z.output<typeof geocodeParamsSchema>,
    signal?: AbortSignal,
  ): Promise<GeocodeResult[]> {
    const korean = params.region === 'KR' || HANGUL.test(params.address);
    const providers = this.#candidates(korean);
    const result = await this.#cache.getOrLoad(
      cacheKey('location', 'geocode', queryHash(params)),
      {
        ttlMs: CACHE_TTL_SECONDS.translation * 1000,
        negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
        isEmpty: (v: GeocodeResult[]) => v.length === 0,
      },
      () =>
        firstAnswer(
          providers,
          (p) => p.geocode(params.address, { language: params.language, region: params.region }, signal),
          (results) => results.length > 0,
          [],
        ),
    );
    return result.value;
  }

  async reverse(
    params: z.output<typeof reverseGeocodeParamsSchema>,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | null> {
    const point: LatLng = { lat: params.lat, lng: params.lng };
    const providers = this.#candidates(isInKorea(point));
    const result = await this.#cache.getOrLoad(
      cacheKey('location', 'reverse', queryHash(params)),
      { ttlMs: CACHE_TTL_SECONDS.translation * 1000 },
      async () =>
        (await firstAnswer(
          providers,
          (p) => p.reverse(point, { language: params.language }, signal),
          (found) => found !== undefined,
          undefined,
        )) ?? null,
    );
    return result.value;
  }

  #candidates(korean: boolean): GeocodingProvider[] {
    const providers = providersForArea(this.#providers, korean);
    if (providers.length === 0) throw notConfigured('No geocoding provider is configured for this area');
    return providers;
  }
}

/** The first provider's answer that `found` accepts; `none` when none does. Errors propagate. */
async function firstAnswer<T>(
  providers: readonly GeocodingProvider[],
  ask: (provider: GeocodingProvider) => Promise<T>,
  found: (answer: T) => boolean,
  none: T,
): Promise<T> {
  for (const provider of providers) {
    const answer = await ask(provider);
    if (found(answer)) return answer;
  }
  return none;
}
