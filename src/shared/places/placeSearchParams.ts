import { z } from 'zod';

import { placeCategorySchema, providerSchema } from '../domain/place.js';
import { numberParam } from '../http/numberParam.js';
import { languageCodeSchema } from '../i18n/languages.js';

/** BCP-47 language (`ko`, `en`, `zh-TW` → `zh-Hant`): names and addresses in it (see `i18n/languages.ts`). */
export const languageSchema = languageCodeSchema.default('ko');
export const regionSchema = z.string().regex(/^[A-Z]{2}$/, 'expected a CLDR region such as KR');

const queryBool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

/**
 * GET /api/places/search parameters (and the MCP `search_places` input). Strings from the query are
 * coerced; every field is bounded; nothing else reaches a provider.
 */
export const placeSearchParamsSchema = z
  .object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Free text, e.g. "bibimbap" or "경복궁". Korean or English.'),
    category: placeCategorySchema.optional().describe('Normalized category filter.'),
    lat: numberParam(z.number().min(-90).max(90)).optional().describe('Search centre latitude (WGS84).'),
    lng: numberParam(z.number().min(-180).max(180)).optional().describe('Search centre longitude (WGS84).'),
    radius: numberParam(z.number().int().min(1).max(20_000).default(5_000)).describe(
      'Radius around the centre in metres (1–20000).',
    ),
    language: languageSchema.describe('Result language (BCP-47), default ko.'),
    region: regionSchema.optional().describe('Region bias (CLDR code, e.g. KR, JP).'),
    provider: providerSchema
      .optional()
      .describe('Force one provider; otherwise Kakao in Korea, Google elsewhere.'),
    page: numberParam(z.number().int().min(1).max(45).default(1)).describe('1-based page.'),
    size: numberParam(z.number().int().min(1).max(15).default(15)).describe('Results per page (1–15).'),
    openNow: queryBool.optional().describe('Only places open now (answered by Google).'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (!p.query && !p.category)
      ctx.addIssue({ code: 'custom', path: ['query'], message: 'query or category is required' });
    if ((p.lat === undefined) !== (p.lng === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [p.lat === undefined ? 'lat' : 'lng'],
        message: 'lat and lng go together',
      });
    if (!p.query && p.category && p.lat === undefined)
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'a category search needs lat and lng' });
  });

export const placeIdSchema = z
  .string()
  .regex(/^(kakao|google):[A-Za-z0-9_-]{1,300}$/, 'expected kakao:<id> or google:<id>');

export const placeDetailsQuerySchema = z.object({ language: languageSchema }).strict();

export type PlaceSearchParams = z.output<typeof placeSearchParamsSchema>;
