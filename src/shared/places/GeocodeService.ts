import { z } from 'zod';

import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import { numberParam } from '../http/numberParam.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../providers/geocoding/GeocodeResult.js';
import type { GeocodingProvider } from '../providers/GeocodingProvider.js';
import { providersForArea } from '../providers/MapProvider.js';
import { canFallBack } from './canFallBack.js';
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
 * Geocoding with cache (24 h: addresses do not move), one entry per provider. A query is Korean when
 * its region is KR or it contains Hangul; a point is Korean when it lies in Korea. Korean ones go to
 * the Korean specialist (Kakao) first; when it finds nothing, or fails as place search would fall
 * back on (a transient error, an open breaker, a rejected key), the global provider (Google) is
 * asked. Each provider's answer is cached on its own, so while Kakao's breaker is open its stale
 * answer is served before Google is asked, as for place search.
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
    const policy = {
      ttlMs: CACHE_TTL_SECONDS.translation * 1000,
      negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
      isEmpty: (v: GeocodeResult[]) => v.length === 0,
    };
    return firstAnswer(
      this.#candidates(korean),
      async (p) =>
        (
          await this.#cache.getOrLoad(geocodeKey('geocode', p, params), policy, async () =>
            p.geocode(params.address, { language: params.language, region: params.region }, signal),
          )
        ).value,
      (results) => results.length > 0,
      [],
    );
  }

  async reverse(
    params: z.output<typeof reverseGeocodeParamsSchema>,
    signal?: AbortSignal,
  ): Promise<ReverseGeocodeResult | null> {
    const point: LatLng = { lat: params.lat, lng: params.lng };
    const policy = { ttlMs: CACHE_TTL_SECONDS.translation * 1000 };
    return firstAnswer(
      this.#candidates(isInKorea(point)),
      async (p) =>
        (
          await this.#cache.getOrLoad(
            geocodeKey('reverse', p, params),
            policy,
            async () =>
              // A JSON cache cannot keep `undefined`: "knows none" is kept as null.
              (await p.reverse(point, { language: params.language }, signal)) ?? null,
          )
        ).value,
      (found) => found !== null,
      null,
    );
  }

  #candidates(korean: boolean): GeocodingProvider[] {
    const providers = providersForArea(this.#providers, korean);
    if (providers.length === 0) throw notConfigured('No geocoding provider is configured for this area');
    return providers;
  }
}

function geocodeKey(
  kind: 'geocode' | 'reverse',
  provider: GeocodingProvider,
  params: Readonly<Record<string, unknown>>,
): string {
  return cacheKey('location', kind, `${provider.name}-${queryHash(params)}`);
}

/**
 * The first provider's answer that `found` accepts. A provider that fails in a way another may
 * answer (`canFallBack`) hands over to the next; when none finds anything and one of them failed,
 * that failure is thrown (the caller retries later) rather than an empty answer nobody could give.
 */
async function firstAnswer<T>(
  providers: readonly GeocodingProvider[],
  ask: (provider: GeocodingProvider) => Promise<T>,
  found: (answer: T) => boolean,
  none: T,
): Promise<T> {
  let failure: { error: unknown } | undefined;
  for (const provider of providers) {
    try {
      const answer = await ask(provider);
      if (found(answer)) return answer;
    } catch (error) {
      if (!canFallBack(error)) throw error;
      failure = { error };
    }
  }
  if (failure) throw failure.error;
  return none;
}
