import { z } from 'zod';

/**
 * A point in time of the week in an opening period: `day` 0–6 with Sunday = 0. Zeros default
 * because proto3 JSON may leave out fields holding their default (Sunday, midnight).
 */
const weekPointSchema = z.object({
  day: z.number().int().min(0).max(6).default(0),
  hour: z.number().int().min(0).max(24).default(0),
  minute: z.number().int().min(0).max(59).default(0),
});

const openingHoursSchema = z.object({
  openNow: z.boolean().optional(),
  /** A place open 24/7 has one period with only `open` (Sunday 00:00). */
  periods: z.array(z.object({ open: weekPointSchema, close: weekPointSchema.optional() })).optional(),
  weekdayDescriptions: z.array(z.string()).optional(),
});
export type GoogleOpeningHours = z.infer<typeof openingHoursSchema>;

/** One place as Places API (New) returns it under our field mask; every field but `id` may be absent. */
export const googlePlaceSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/),
  displayName: z.object({ text: z.string(), languageCode: z.string().optional() }).optional(),
  formattedAddress: z.string().optional(),
  location: z.object({ latitude: z.number(), longitude: z.number() }),
  rating: z.number().min(0).max(5).optional(),
  userRatingCount: z.number().int().min(0).optional(),
  priceLevel: z.string().optional(),
  types: z.array(z.string()).optional(),
  primaryType: z.string().optional(),
  regularOpeningHours: openingHoursSchema.optional(),
  currentOpeningHours: z.object({ openNow: z.boolean().optional() }).optional(),
  nationalPhoneNumber: z.string().optional(),
  googleMapsUri: z.string().optional(),
  accessibilityOptions: z
    .object({
      wheelchairAccessibleEntrance: z.boolean().optional(),
      wheelchairAccessibleParking: z.boolean().optional(),
      wheelchairAccessibleRestroom: z.boolean().optional(),
      wheelchairAccessibleSeating: z.boolean().optional(),
    })
    .optional(),
});
export type GooglePlace = z.infer<typeof googlePlaceSchema>;

/** searchText / searchNearby: zero results may be `{}`, so `places` is optional. */
export const googlePlaceSearchResponseSchema = z.object({
  places: z.array(googlePlaceSchema).optional(),
  nextPageToken: z.string().optional(),
});
