import { z } from 'zod';

import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import { numberParam } from '../http/numberParam.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../providers/geocoding/GeocodeResult.js';
import { languageSchema, regionSchema } from './placeSearchParams.js';
import type { ProviderClients } from './ProviderClients.js';

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

/** Geocoding with cache (24 h: addresses do not move) and the provider policies. */
export class GeocodeService {
  readonly #clients: ProviderClients;
  readonly #cache: TieredCache;

  constructor(clients: ProviderClients, cache: TieredCache) {
    this.#clients = clients;
    this.#cache = cache;
  }

  async geocode(
    params: z.output<typeof geocodeParamsSchema>,
    signal?: AbortSignal,
  ): Promise<GeocodeResult[]> {
    const korean = params.region === 'KR' || HANGUL.test(params.address);
    const policy =
      korean && this.#clients.kakaoEnabled()
        ? this.#clients.policies.kakaoGeo
        : this.#clients.policies.googleSearch;
    const result = await this.#cache.getOrLoad(
      cacheKey('location', 'geocode', queryHash(params)),
      {
        ttlMs: CACHE_TTL_SECONDS.translation * 1000,
        negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
        isEmpty: (v: GeocodeResult[]) => v.length === 0,
      },
      () =>
        policy.execute(
          (inner) =>
            this.#clients.geocoder.geocode(
              params.address,
              { languageCode: params.language, regionCode: params.region },
              { signal: inner },
            ),
          signal,
        ),
    );
    return result.value;
  }

  async reverse(
    params: z.output<typeof reverseGeocodeParamsSchema>,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | null> {
    const point: LatLng = { lat: params.lat, lng: params.lng };
    const policy =
      isInKorea(point) && this.#clients.kakaoEnabled()
        ? this.#clients.policies.kakaoGeo
        : this.#clients.policies.googleSearch;
    const result = await this.#cache.getOrLoad(
      cacheKey('location', 'reverse', queryHash(params)),
      { ttlMs: CACHE_TTL_SECONDS.translation * 1000 },
      async () =>
        (await policy.execute(
          (inner) =>
            this.#clients.geocoder.reverseGeocode(
              point,
              { languageCode: params.language },
              { signal: inner },
            ),
          signal,
        )) ?? null,
    );
    return result.value;
  }
}
