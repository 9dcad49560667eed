import { z } from 'zod';

import { placeSchema } from '../domain/place.js';

/** The answer of GET /api/recommendations and the MCP `recommend_places` tool. */
export const recommendationsResultSchema = z.object({
  recommendations: z.array(
    z.object({
      place: placeSchema,
      score: z.number(),
      distanceMeters: z.number(),
      reason: z.string().describe('Why this place, in the asked language.'),
      notes: z.array(z.string()).describe('What to check before going.'),
      opening: z.object({
        status: z.enum(['open', 'closed', 'closed_today', 'unknown']),
        until: z.string().optional(),
        opensAt: z.string().optional(),
      }),
    }),
  ),
  cache: z.enum(['hit', 'miss', 'stale']),
});
