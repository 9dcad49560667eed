import { z } from 'zod';

import { latLngSchema, openingPeriodSchema, placeCategorySchema } from '../../../shared/domain/place.js';

/** One place of the bundled sample dataset, with what both providers need to serve it. */
export const sandboxPlaceSchema = z.object({
  /** Kakao-style numeric id (Kakao Local `id`). */
  kakaoId: z.string().regex(/^\d+$/),
  /** Google-style place id (Places `id`). */
  googleId: z.string().regex(/^ChIJ[A-Za-z0-9_-]{23}$/),
  city: z.enum(['seoul', 'busan', 'jeju', 'tokyo']),
  countryCode: z.enum(['KR', 'JP']),
  kind: z.string(),
  category: placeCategorySchema,
  name: z.object({ ko: z.string().min(1), en: z.string().min(1) }),
  /** Names in other languages where known (`ja`, `zh-Hans`, `zh-Hant`), from `sources/names.txt`. */
  localizedNames: z.record(z.string(), z.string().min(1)).optional(),
  address: z.object({ ko: z.string().min(1), en: z.string().min(1) }),
  /** Korean administrative region (for coord2regioncode); Korea only. Codes are approximate. */
  region: z
    .object({ level1: z.string(), level2: z.string(), level3: z.string(), code: z.string() })
    .optional(),
  location: latLngSchema,
  kakao: z.object({ groupCode: z.string(), groupName: z.string(), categoryName: z.string() }),
  google: z.object({ primaryType: z.string(), types: z.array(z.string()).min(1) }),
  rating: z.number().min(0).max(5),
  ratingCount: z.number().int().min(0),
  priceLevel: z.number().int().min(0).max(4).optional(),
  phone: z.string().optional(),
  /** The hours as written in the source table, for people reading the JSON. */
  hoursText: z.string().optional(),
  /** Weekly periods (day 0–6, Sunday = 0); absent = hours unknown. */
  openingHours: z.array(openingPeriodSchema).optional(),
  wheelchairAccessible: z.boolean().optional(),
  /** Extra words keyword search matches, per language. */
  keywords: z.object({ ko: z.array(z.string()), en: z.array(z.string()) }),
  utcOffsetMinutes: z.number().int(),
});
export type SandboxPlace = z.infer<typeof sandboxPlaceSchema>;

export const sandboxDatasetSchema = z.object({
  _notice: z.string().min(1),
  generatedBy: z.string(),
  places: z.array(sandboxPlaceSchema),
});
export type SandboxDatasetFile = z.infer<typeof sandboxDatasetSchema>;

/** Shown in the dataset file and in sandbox responses where a field or header is harmless. */
export const SANDBOX_NOTICE =
  'SAMPLE DATA for local development and tests: real places with APPROXIMATE facts ' +
  '(coordinates, opening hours, ratings, prices and phone numbers may be wrong or out of date). Not for production use.';
