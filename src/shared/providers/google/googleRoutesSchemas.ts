import { z } from 'zod';

/** A protobuf Duration as JSON: "1485s". */
const durationSchema = z.string().regex(/^\d+(\.\d+)?s$/, 'expected a duration like "1485s"');

/**
 * `computeRoutes`. Proto3 JSON drops zero values, so `distanceMeters` may be absent for a 0 m route;
 * no route at all is `{}` (no `routes`).
 */
export const googleComputeRoutesResponseSchema = z.object({
  routes: z
    .array(z.object({ distanceMeters: z.number().min(0).optional(), duration: durationSchema.optional() }))
    .optional(),
});
export type GoogleComputeRoutesResponse = z.infer<typeof googleComputeRoutesResponseSchema>;

/** One element of the `computeRouteMatrix` array; index 0 may be omitted (proto3 default). */
export const googleRouteMatrixElementSchema = z.object({
  originIndex: z.number().int().min(0).optional(),
  destinationIndex: z.number().int().min(0).optional(),
  status: z.object({ code: z.number().int().optional(), message: z.string().optional() }).optional(),
  condition: z.string().optional(),
  distanceMeters: z.number().min(0).optional(),
  duration: durationSchema.optional(),
});
export type GoogleRouteMatrixElement = z.infer<typeof googleRouteMatrixElementSchema>;

export const googleRouteMatrixResponseSchema = z.array(googleRouteMatrixElementSchema);
