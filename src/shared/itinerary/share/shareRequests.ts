import { z } from 'zod';

/** POST /api/trips/{tripId}/share: a new read-only link (the previous one stops working). */
export const createShareBodySchema = z
  .object({
    includeMemos: z.boolean().default(false).describe('Show the travellers’ memos on the shared page.'),
  })
  .strict();

export const shareCreatedSchema = z.object({
  token: z.string(),
  url: z.string().describe('Open in a browser for a page; send Accept: application/json for JSON.'),
  includeMemos: z.boolean(),
  createdAt: z.string(),
});

export const shareStatusSchema = z.object({
  shared: z.boolean(),
  includeMemos: z.boolean().optional(),
  createdAt: z.string().optional(),
});
