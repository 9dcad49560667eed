import { z } from 'zod';

import { providerSchema } from './place.js';

export const travelModeSchema = z.enum(['car', 'walk', 'transit', 'bicycle']);
export type TravelMode = z.infer<typeof travelModeSchema>;

/**
 * How an itinerary leg is travelled: a routing mode, or a taxi (timed by the road route or the
 * driving estimate) where a walking or transit trip's leg is too long to walk and public transport
 * is no real option (issue #12).
 */
export const itineraryTravelModeSchema = z.enum([...travelModeSchema.options, 'taxi']);
export type ItineraryTravelMode = z.infer<typeof itineraryTravelModeSchema>;

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
