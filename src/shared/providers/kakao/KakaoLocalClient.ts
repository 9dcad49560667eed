import { z } from 'zod';

import { type LatLng, latLngSchema, type Place } from '../../domain/place.js';
import { parseOrThrow } from '../../errors/validationError.js';
import type { GeocodeResult, ReverseGeocodeResult } from '../geocoding/GeocodeResult.js';
import type { ProviderCallOptions, ProviderClientOptions } from '../http/ProviderClientOptions.js';
import { fromKakaoAddressDocument, fromKakaoRegionDocuments } from './fromKakaoAddress.js';
import { fromKakaoDocument } from './fromKakaoDocument.js';
import { kakaoGet } from './kakaoGet.js';
import {
  kakaoAddressSearchResponseSchema,
  kakaoPlaceSearchResponseSchema,
  kakaoRegionResponseSchema,
} from './kakaoLocalSchemas.js';

export const KAKAO_LOCAL_DEFAULT_BASE_URL = 'https://dapi.kakao.com';

/** Kakao's own limits (docs/providers.md): checked here so a bad page is a 400, not an upstream failure. */
const pagingSchema = {
  page: z.number().int().min(1).max(45).optional(),
  size: z.number().int().min(1).max(15).optional(),
  sort: z.enum(['accuracy', 'distance']).optional(),
};
const keywordSearchSchema = z.object({
  query: z.string().trim().min(1),
  categoryGroupCode: z.string().min(1).optional(),
  center: latLngSchema.optional(),
  radiusMeters: z.number().int().min(0).max(20_000).optional(),
  ...pagingSchema,
});
const categorySearchSchema = z.object({
  categoryGroupCode: z.string().min(1),
  center: latLngSchema,
  radiusMeters: z.number().int().min(0).max(20_000).optional(),
  ...pagingSchema,
});
const addressSearchSchema = z.object({
  query: z.string().trim().min(1),
  page: z.number().int().min(1).max(45).optional(),
  size: z.number().int().min(1).max(30).optional(),
  analyzeType: z.enum(['similar', 'exact']).optional(),
});

export type KakaoKeywordSearch = z.input<typeof keywordSearchSchema>;
export type KakaoCategorySearch = z.input<typeof categorySearchSchema>;
export type KakaoAddressSearch = z.input<typeof addressSearchSchema>;

/** One page of Kakao places. Kakao serves at most `pageableCount` (≤ 45) of `totalCount`. */
export interface KakaoPlacePage {
  places: Place[];
  page: number;
  hasMore: boolean;
  totalCount: number;
  pageableCount: number;
}

export interface KakaoAddressPage {
  results: GeocodeResult[];
  page: number;
  hasMore: boolean;
}

const fmt = (n: number | undefined) => (n === undefined ? undefined : String(n));

/**
 * Kakao Local (`/v2/local/...`): keyword and category place search, address search (geocoding in
 * Korea) and coord2regioncode (reverse geocoding in Korea). Kakao has no language parameter: names
 * and addresses are Korean. Every failure is an AppError with `provider: 'kakao'`.
 */
export class KakaoLocalClient {
  readonly #options: Readonly<ProviderClientOptions>;

  constructor(options: Readonly<ProviderClientOptions>) {
    this.#options = options;
  }

  /** `/v2/local/search/keyword.json`. With `center`, results carry `distanceMeters`. */
  async searchKeyword(
    params: Readonly<KakaoKeywordSearch>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<KakaoPlacePage> {
    const p = parseOrThrow(keywordSearchSchema, params);
    return this.#searchPlaces(
      '/v2/local/search/keyword.json',
      { query: p.query, category_group_code: p.categoryGroupCode, ...centerQuery(p.center, p.radiusMeters) },
      p,
      'keyword search',
      call,
    );
  }

  /** `/v2/local/search/category.json` around `center` (Kakao requires an area). */
  async searchCategory(
    params: Readonly<KakaoCategorySearch>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<KakaoPlacePage> {
    const p = parseOrThrow(categorySearchSchema, params);
    return this.#searchPlaces(
      '/v2/local/search/category.json',
      { category_group_code: p.categoryGroupCode, ...centerQuery(p.center, p.radiusMeters) },
      p,
      'category search',
      call,
    );
  }

  /** `/v2/local/search/address.json`: the geocoder for Korean addresses. */
  async searchAddress(
    params: Readonly<KakaoAddressSearch>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<KakaoAddressPage> {
    const p = parseOrThrow(addressSearchSchema, params);
    const page = p.page ?? 1;
    const body = await kakaoGet(
      this.#options,
      {
        path: '/v2/local/search/address.json',
        query: { query: p.query, page: fmt(page), size: fmt(p.size), analyze_type: p.analyzeType },
        schema: kakaoAddressSearchResponseSchema,
        operation: 'address search',
      },
      call,
    );
    return { results: body.documents.map(fromKakaoAddressDocument), page, hasMore: !body.meta.is_end };
  }

  /** `/v2/local/geo/coord2regioncode.json`; `undefined` where Kakao knows no region (outside Korea). */
  async regionAt(
    point: Readonly<LatLng>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<ReverseGeocodeResult | undefined> {
    const p = parseOrThrow(latLngSchema, point);
    const body = await kakaoGet(
      this.#options,
      {
        path: '/v2/local/geo/coord2regioncode.json',
        query: { x: String(p.lng), y: String(p.lat) },
        schema: kakaoRegionResponseSchema,
        operation: 'coord2regioncode',
      },
      call,
    );
    return fromKakaoRegionDocuments(body.documents);
  }

  async #searchPlaces(
    path: string,
    query: Record<string, string | undefined>,
    paging: Readonly<{ page?: number; size?: number; sort?: string }>,
    operation: string,
    call: Readonly<ProviderCallOptions> | undefined,
  ): Promise<KakaoPlacePage> {
    const page = paging.page ?? 1;
    const body = await kakaoGet(
      this.#options,
      {
        path,
        query: { ...query, page: String(page), size: fmt(paging.size), sort: paging.sort },
        schema: kakaoPlaceSearchResponseSchema,
        operation,
      },
      call,
    );
    return {
      places: body.documents.map(fromKakaoDocument),
      page,
      hasMore: !body.meta.is_end,
      totalCount: body.meta.total_count,
      pageableCount: body.meta.pageable_count,
    };
  }
}

/** Kakao takes the centre as `x` = longitude, `y` = latitude. */
function centerQuery(
  center: LatLng | undefined,
  radiusMeters: number | undefined,
): Record<string, string | undefined> {
  if (!center) return {};
  return { x: String(center.lng), y: String(center.lat), radius: fmt(radiusMeters) };
}
