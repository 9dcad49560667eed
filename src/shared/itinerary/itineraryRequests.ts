import { z } from 'zod';

import { ATTACHMENT_TYPES } from './ItineraryService.js';

/** PATCH /api/trips/{tripId}/itinerary/items/{itemId}; an empty memo removes it. */
export const memoBodySchema = z.object({ memo: z.string().max(2000) }).strict();

/** POST …/attachments: what the client is about to upload (the SAS URL is issued for exactly this). */
export const attachmentBodySchema = z
  .object({
    contentType: z.enum(ATTACHMENT_TYPES),
    sizeBytes: z.number().int().min(1),
    fileName: z.string().max(200).optional(),
  })
  .strict();
