import { z } from 'zod';

/** Upstream map providers. */
export const providerSchema = z.enum(['kakao', 'google']);
export type Provider = z.infer<typeof providerSchema>;

/**
 * The normalized place categories (docs/architecture.md#api-contract). Kakao codes and Google types map onto these;
 * `Place.category` always uses this vocabulary.
 */
export const placeCategorySchema = z.enum([
  'attraction',
  'culture',
  'nature',
  'restaurant',
  'cafe',
  'lodging',
  'shopping',
  'activity',
]);
export type PlaceCategory = z.infer<typeof placeCategorySchema>;
export const PLACE_CATEGORIES = placeCategorySchema.options;

export const latLngSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type LatLng = z.infer<typeof latLngSchema>;

/** `HH:MM`, 00:00–24:00 (24:00 only as a closing time). */
export const hhmmSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM');

/**
 * One weekly opening period. `day` is 0–6 with Sunday = 0 (Google's convention). A period that
 * crosses midnight has `close` < `open` (e.g. 18:00–02:00) and `closeDay` = the next day; a place
 * open 24 hours on that day has `open` 00:00 and `close` 24:00.
 */
export const openingPeriodSchema = z.object({
  day: z.number().int().min(0).max(6),
  open: hhmmSchema,
  close: hhmmSchema,
  closeDay: z.number().int().min(0).max(6).optional(),
});
export type OpeningPeriod = z.infer<typeof openingPeriodSchema>;

export const openingHoursSchema = z.object({
  periods: z.array(openingPeriodSchema),
  openNow: z.boolean().optional(),
  /** Human-readable lines as the provider gave them, when it did. */
  weekdayDescriptions: z.array(z.string()).optional(),
  /** Where the hours came from when they are not the place's own provider's (e.g. Kakao place, Google hours). */
  source: providerSchema.optional(),
});
export type OpeningHours = z.infer<typeof openingHoursSchema>;

export const placeSchema = z.object({
  /** `kakao:26338954` or `google:ChIJ…` */
  id: z.string().regex(/^(kakao|google):[A-Za-z0-9_-]{1,300}$/),
  provider: providerSchema,
  name: z.string(),
  category: placeCategorySchema,
  /** The provider's own category labels / types, most specific first. */
  categories: z.array(z.string()),
  location: latLngSchema,
  address: z.string(),
  phone: z.string().optional(),
  rating: z.number().min(0).max(5).optional(),
  ratingCount: z.number().int().min(0).optional(),
  /** 0 (free) – 4 (very expensive), Google's scale. */
  priceLevel: z.number().int().min(0).max(4).optional(),
  openingHours: openingHoursSchema.optional(),
  url: z.string().optional(),
  /** Distance from the search centre in metres, when the provider reported it. */
  distanceMeters: z.number().optional(),
  /** Accessibility facts when the provider has them (Google `accessibilityOptions`). */
  wheelchairAccessible: z.boolean().optional(),
  /** Localization: the language `name` and `address` were requested in. */
  language: z.string().optional(),
  /** Localization: where `name` in that language came from; machine-made names say so. */
  nameSource: z.enum(['provider', 'translated', 'transliterated']).optional(),
  /** Localization: the name and address as written locally (show them to a taxi driver). */
  nameOriginal: z.string().optional(),
  addressOriginal: z.string().optional(),
  /** Localization: the language of `nameOriginal` and `addressOriginal`. */
  originalLanguage: z.string().optional(),
});
export type Place = z.infer<typeof placeSchema>;

/** Build the public id of a provider's place. */
export function toPlaceId(provider: Provider, providerId: string): string {
  return `${provider}:${providerId}`;
}

/** Split a public place id; `undefined` when it is not one of ours. */
export function parsePlaceId(id: string): { provider: Provider; providerId: string } | undefined {
  const match = /^(kakao|google):([A-Za-z0-9_-]{1,300})$/.exec(id);
  if (!match) return undefined;
  return { provider: match[1] as Provider, providerId: match[2]! };
}
