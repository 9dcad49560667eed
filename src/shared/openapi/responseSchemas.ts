import { z } from 'zod';

import { placeSchema, providerSchema } from '../domain/place.js';
import { itineraryTravelModeSchema, matrixCellSchema, routeLegSchema } from '../domain/route.js';
import { JOB_STEPS } from '../jobs/Job.js';
import { tripInputSchema } from '../trips/tripSchema.js';

/** Response shapes for the OpenAPI document (docs/architecture.md#api-contract). The handlers produce exactly these. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  traceId: z.string(),
  provider: z.string().optional(),
});

export const searchResultSchema = z.object({
  places: z.array(placeSchema),
  provider: providerSchema,
  page: z.number().int(),
  hasMore: z.boolean(),
  cache: z.enum(['hit', 'miss', 'stale']),
  /** Localization notes, e.g. `translation_unavailable` (names shown as written locally). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })).optional(),
});

export const matrixResultSchema = z.object({ rows: z.array(z.array(matrixCellSchema)) });

export const geocodeResultSchema = z.object({
  results: z.array(
    z.object({
      location: z.object({ lat: z.number(), lng: z.number() }),
      address: z.string(),
      provider: providerSchema,
      placeId: z.string().optional(),
    }),
  ),
});

export const reverseGeocodeResultSchema = z.object({
  result: z
    .object({
      address: z.string(),
      provider: providerSchema,
      regions: z.array(z.string()),
      regionCode: z.string().optional(),
    })
    .nullable(),
});

export const tripSchema = z.object({
  ...tripInputSchema.shape,
  id: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const tripListSchema = z.object({ trips: z.array(tripSchema), nextCursor: z.string().optional() });

export const jobViewSchema = z.object({
  jobId: z.string(),
  tripId: z.string(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  step: z.enum(JOB_STEPS),
  progress: z.number().min(0).max(100),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  itineraryUrl: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const jobAcceptedSchema = z.object({ jobId: z.string(), status: z.string() });

export const attachmentSchema = z.object({
  attachmentId: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  blobName: z.string(),
  createdAt: z.string(),
  status: z.literal('ready').optional(),
});

export const itineraryItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['visit', 'meal', 'travel', 'rest']),
  start: z.string(),
  end: z.string(),
  place: placeSchema.optional(),
  travel: z
    .object({
      mode: itineraryTravelModeSchema,
      distanceMeters: z.number(),
      durationSeconds: z.number(),
      estimated: z.boolean(),
    })
    .optional(),
  meal: z.enum(['lunch', 'dinner']).optional(),
  reason: z.string().optional().describe('Why this place, one line in the trip language (visits and meals).'),
  memo: z.string().optional(),
  attachments: z.array(attachmentSchema).optional(),
  warnings: z.array(z.string()).optional(),
  durationMinutes: z.number().int().optional(),
});

export const itinerarySchema = z.object({
  tripId: z.string(),
  generatedAt: z.string(),
  days: z.array(
    z.object({ date: z.string(), items: z.array(itineraryItemSchema), locked: z.boolean().optional() }),
  ),
  warnings: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      date: z.string().optional(),
      placeId: z.string().optional(),
      itemId: z.string().optional(),
    }),
  ),
  dropped: z.array(
    z.object({
      placeId: z.string().optional(),
      name: z.string().optional(),
      /** The name as written locally when `name` was localized. */
      nameOriginal: z.string().optional(),
      reason: z.string(),
    }),
  ),
  metrics: z.record(z.string(), z.unknown()).optional(),
  notice: z.string().optional(),
  /** The language the places are shown in (`?language=`, Accept-Language, else the trip's). */
  language: z.string().optional(),
  replan: z
    .object({ suggested: z.boolean(), reason: z.string(), how: z.string(), checkedAt: z.string() })
    .optional(),
  stale: z.object({ since: z.string(), changed: z.array(z.string()) }).optional(),
  changes: z.array(z.object({ at: z.string(), date: z.string(), note: z.string() })).optional(),
  detachedNotes: z
    .array(
      z.object({
        itemId: z.string(),
        date: z.string(),
        kind: z.enum(['visit', 'meal', 'travel', 'rest']),
        note: z.string(),
        memo: z.string().optional(),
        attachments: z.array(attachmentSchema).optional(),
        at: z.string(),
      }),
    )
    .optional()
    .describe(
      'Memos and photos of travel legs or rests that an edit or regeneration took out of the plan (the plan no longer goes from that place to that place), or of stops the plan lost without the traveller asking (a closed place the verifier replaced, a day the trip no longer has); kept here with where they were.',
    ),
  revision: z.number().int().optional(),
});

export const uploadSchema = z.object({
  attachmentId: z.string(),
  uploadUrl: z.string(),
  expiresAt: z.string(),
});

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  checks: z.record(
    z.string(),
    z.object({
      status: z.enum(['ok', 'fail']),
      ms: z.number(),
      required: z.boolean(),
      error: z.string().optional(),
    }),
  ),
});

export { routeLegSchema };
