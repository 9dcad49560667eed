import { z } from 'zod';

import { providerSchema } from './place.js';

export const travelModeSchema = z.enum(['car', 'walk', 'transit', 'bicycle']);
export type TravelMode = z.infer<typeof travelModeSchema>;

/** One origin→destination travel leg. `estimated` legs come from distance, not a provider. */
export const routeLegSchema = z.object({
  distanceMeters: z.number().min(0),
  durationSeconds: z.number().min(0),
  mode: travelModeSchema,
  provider: z.union([providerSchema, z.literal('estimate')]),
  estimated: z.boolean(),
});
export type RouteLeg = z.infer<typeof routeLegSchema>;

export const matrixCellSchema = z.object({
  distanceMeters: z.number().min(0),
  durationSeconds: z.number().min(0),
  estimated: z.boolean(),
});
export type MatrixCell = z.infer<typeof matrixCellSchema>;
