import { z } from 'zod';

import { hhmmSchema } from '../domain/place.js';
import { languageSchema } from '../places/placeSearchParams.js';

const list = (max: number) =>
  z
    .string()
    .max(400)
    .transform((text) =>
      text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().max(60)).max(max));

/**
 * GET /api/recommendations parameters (and the MCP `recommend_places` input): a point, the group
 * (ages, mobility, notes, preferences — comma-separated), optionally a date and time. Bounded.
 */
export const recommendationParamsSchema = z
  .object({
    lat: z.coerce.number().min(-90).max(90).describe('Destination or point latitude (WGS84).'),
    lng: z.coerce.number().min(-180).max(180).describe('Destination or point longitude (WGS84).'),
    countryCode: z
      .string()
      .regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as KR')
      .optional()
      .describe('Country of the destination (KR searches Kakao in Korean, others Google).'),
    ages: z
      .string()
      .max(60)
      .regex(/^\d{1,3}(,\d{1,3})*$/, 'expected ages such as "40,72,4"')
      .transform((text) => text.split(',').map(Number))
      .pipe(z.array(z.number().int().min(0).max(120)).min(1).max(12))
      .default([35])
      .describe('Ages of the travellers, comma-separated, e.g. "40,72,4".'),
    mobility: z
      .enum(['full', 'limited', 'wheelchair'])
      .default('full')
      .describe('Most limited mobility in the group.'),
    notes: z.string().max(300).optional().describe('Health and diet notes, e.g. "vegetarian, no stairs".'),
    preferences: list(10).default([]).describe('Interests, comma-separated, e.g. "temples,market".'),
    transport: z.enum(['car', 'transit', 'walk']).default('transit'),
    date: z.iso.date().optional().describe('Local date (YYYY-MM-DD) for the opening status.'),
    time: hhmmSchema.optional().describe('Local time (HH:MM) for the opening status; needs date.'),
    language: languageSchema.describe('Language of names, reasons and notes (ko, en, ja; default ko).'),
    limit: z.coerce.number().int().min(1).max(30).default(10),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.time !== undefined && p.date === undefined)
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'time needs a date' });
  });

export type RecommendationParams = z.output<typeof recommendationParamsSchema>;
