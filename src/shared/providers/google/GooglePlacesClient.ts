import { z } from 'zod';

import { latLngSchema, type Place } from '../../domain/place.js';
import { parseOrThrow } from '../../errors/validationError.js';
import type { ProviderCallOptions, ProviderClientOptions } from '../http/ProviderClientOptions.js';
import { fromGooglePlace } from './fromGooglePlace.js';
import {
  NEARBY_SEARCH_FIELD_MASK,
  PLACE_DETAILS_FIELD_MASK,
  TEXT_SEARCH_FIELD_MASK,
} from './googleFieldMasks.js';
import { googlePlaceSchema, googlePlaceSearchResponseSchema } from './googlePlacesSchemas.js';
import { toGooglePriceLevel } from './googlePriceLevel.js';
import { googleSend } from './googleSend.js';

export const GOOGLE_PLACES_DEFAULT_BASE_URL = 'https://places.googleapis.com';

const localeSchema = {
  /** BCP-47, e.g. `ko`, `en`: names and addresses come back in it where Google has them. */
  languageCode: z.string().min(2).max(16).optional(),
  /** CLDR region, e.g. `KR`: formats addresses and biases results. */
  regionCode: z.string().length(2).optional(),
};
const circleSchema = z.object({ center: latLngSchema, radiusMeters: z.number().min(0).max(50_000) });

const textSearchSchema = z.object({
  textQuery: z.string().trim().min(1),
  includedType: z.string().optional(),
  openNow: z.boolean().optional(),
  priceLevels: z.array(z.number().int().min(0).max(4)).optional(),
  locationBias: circleSchema.optional(),
  pageSize: z.number().int().min(1).max(20).optional(),
  pageToken: z.string().min(1).optional(),
  rankPreference: z.enum(['RELEVANCE', 'DISTANCE']).optional(),
  ...localeSchema,
});
const nearbySearchSchema = z.object({
  center: latLngSchema,
  radiusMeters: z.number().min(0).max(50_000),
  includedTypes: z.array(z.string()).optional(),
  maxResultCount: z.number().int().min(1).max(20).optional(),
  rankPreference: z.enum(['POPULARITY', 'DISTANCE']).optional(),
  ...localeSchema,
});
const detailsSchema = z.object(localeSchema);

export type GoogleTextSearch = z.input<typeof textSearchSchema>;
export type GoogleNearbySearch = z.input<typeof nearbySearchSchema>;
export type GoogleLocale = z.input<typeof detailsSchema>;

export interface GooglePlacePage {
  places: Place[];
  /** Pass back as `pageToken` (with the same other parameters) for the next page. */
  nextPageToken?: string;
}

const toCircle = (c: z.output<typeof circleSchema>) => ({
  circle: { center: { latitude: c.center.lat, longitude: c.center.lng }, radius: c.radiusMeters },
});

/**
 * Google Places API (New): Text Search (paged), Nearby Search and Place Details, each with a field
 * mask of only what we use. `languageCode`/`regionCode` pass through. Every failure is an AppError
 * with `provider: 'google'`; details of an unknown id is `not_found`.
 */
export class GooglePlacesClient {
  readonly #options: Readonly<ProviderClientOptions>;

  constructor(options: Readonly<ProviderClientOptions>) {
    this.#options = options;
  }

  /** `POST /v1/places:searchText`. Zero results may arrive as `{}`: an empty page. */
  async searchText(
    params: Readonly<GoogleTextSearch>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<GooglePlacePage> {
    const p = parseOrThrow(textSearchSchema, params);
    const body = await googleSend(
      this.#options,
      {
        method: 'POST',
        path: '/v1/places:searchText',
        body: {
          textQuery: p.textQuery,
          languageCode: p.languageCode,
          regionCode: p.regionCode,
          includedType: p.includedType,
          openNow: p.openNow,
          priceLevels: p.priceLevels?.map(toGooglePriceLevel),
          locationBias: p.locationBias ? toCircle(p.locationBias) : undefined,
          pageSize: p.pageSize,
          pageToken: p.pageToken,
          rankPreference: p.rankPreference,
        },
        fieldMask: TEXT_SEARCH_FIELD_MASK,
        schema: googlePlaceSearchResponseSchema,
        operation: 'searchText',
      },
      call,
    );
    const places = (body.places ?? []).map(fromGooglePlace);
    return body.nextPageToken ? { places, nextPageToken: body.nextPageToken } : { places };
  }

  /** `POST /v1/places:searchNearby` inside a circle (no paging: at most 20). */
  async searchNearby(
    params: Readonly<GoogleNearbySearch>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<GooglePlacePage> {
    const p = parseOrThrow(nearbySearchSchema, params);
    const body = await googleSend(
      this.#options,
      {
        method: 'POST',
        path: '/v1/places:searchNearby',
        body: {
          locationRestriction: toCircle({ center: p.center, radiusMeters: p.radiusMeters }),
          includedTypes: p.includedTypes,
          maxResultCount: p.maxResultCount,
          rankPreference: p.rankPreference,
          languageCode: p.languageCode,
          regionCode: p.regionCode,
        },
        fieldMask: NEARBY_SEARCH_FIELD_MASK,
        schema: googlePlaceSearchResponseSchema,
        operation: 'searchNearby',
      },
      call,
    );
    return { places: (body.places ?? []).map(fromGooglePlace) };
  }

  /** `GET /v1/places/{placeId}` (the provider id, without our `google:` prefix). */
  async getPlace(
    placeId: string,
    locale: Readonly<GoogleLocale> = {},
    call?: Readonly<ProviderCallOptions>,
  ): Promise<Place> {
    const p = parseOrThrow(detailsSchema, locale);
    const body = await googleSend(
      this.#options,
      {
        method: 'GET',
        path: `/v1/places/${encodeURIComponent(placeId)}`,
        query: { languageCode: p.languageCode, regionCode: p.regionCode },
        fieldMask: PLACE_DETAILS_FIELD_MASK,
        schema: googlePlaceSchema,
        operation: 'place details',
      },
      call,
    );
    return fromGooglePlace(body);
  }
}
