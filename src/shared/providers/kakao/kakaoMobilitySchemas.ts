import { z } from 'zod';

const summarySchema = z.object({
  distance: z.number().min(0),
  duration: z.number().min(0),
  fare: z.object({ taxi: z.number().optional(), toll: z.number().optional() }).optional(),
});

/** One route of `/v1/directions`; `summary` is absent when `result_code` ≠ 0. */
export const kakaoDirectionsRouteSchema = z.object({
  result_code: z.number().int(),
  result_msg: z.string().optional(),
  summary: summarySchema.optional(),
});

export const kakaoDirectionsResponseSchema = z.object({
  trans_id: z.string().optional(),
  routes: z.array(kakaoDirectionsRouteSchema),
});
export type KakaoDirectionsResponse = z.infer<typeof kakaoDirectionsResponseSchema>;
