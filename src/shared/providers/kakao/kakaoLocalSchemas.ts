import { z } from 'zod';

/** Kakao sends coordinates and distances as decimal strings. */
const numericString = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string');

/** One place in `/v2/local/search/keyword.json` and `category.json`. */
export const kakaoPlaceDocumentSchema = z.object({
  id: z.string().regex(/^\d+$/),
  place_name: z.string(),
  category_name: z.string(),
  category_group_code: z.string(),
  category_group_name: z.string(),
  phone: z.string(),
  address_name: z.string(),
  road_address_name: z.string(),
  x: numericString,
  y: numericString,
  place_url: z.string(),
  /** Only when `x`/`y` were sent; may be `""`. */
  distance: z.union([numericString, z.literal('')]).optional(),
});
export type KakaoPlaceDocument = z.infer<typeof kakaoPlaceDocumentSchema>;

const pagingMetaSchema = z.object({
  total_count: z.number().int().min(0),
  pageable_count: z.number().int().min(0),
  is_end: z.boolean(),
});

export const kakaoPlaceSearchResponseSchema = z.object({
  meta: pagingMetaSchema,
  documents: z.array(kakaoPlaceDocumentSchema),
});
export type KakaoPlaceSearchResponse = z.infer<typeof kakaoPlaceSearchResponseSchema>;

const kakaoAddressPartSchema = z.object({
  address_name: z.string(),
  region_1depth_name: z.string(),
  region_2depth_name: z.string(),
  region_3depth_name: z.string(),
  x: numericString,
  y: numericString,
});

/** One match of `/v2/local/search/address.json`; `address`/`road_address` may be null. */
export const kakaoAddressDocumentSchema = z.object({
  address_name: z.string(),
  address_type: z.enum(['REGION', 'ROAD', 'REGION_ADDR', 'ROAD_ADDR']),
  x: numericString,
  y: numericString,
  address: kakaoAddressPartSchema.nullable(),
  road_address: kakaoAddressPartSchema.nullable(),
});
export type KakaoAddressDocument = z.infer<typeof kakaoAddressDocumentSchema>;

export const kakaoAddressSearchResponseSchema = z.object({
  meta: pagingMetaSchema,
  documents: z.array(kakaoAddressDocumentSchema),
});

/** `/v2/local/geo/coord2regioncode.json`: here `x`/`y` are numbers. */
export const kakaoRegionDocumentSchema = z.object({
  region_type: z.enum(['H', 'B']),
  code: z.string(),
  address_name: z.string(),
  region_1depth_name: z.string(),
  region_2depth_name: z.string(),
  region_3depth_name: z.string(),
  region_4depth_name: z.string(),
  x: z.number(),
  y: z.number(),
});
export type KakaoRegionDocument = z.infer<typeof kakaoRegionDocumentSchema>;

export const kakaoRegionResponseSchema = z.object({
  meta: z.object({ total_count: z.number().int().min(0) }),
  documents: z.array(kakaoRegionDocumentSchema),
});
