import { z } from 'zod';

import { type LatLng, latLngSchema } from '../../domain/place.js';
import type { RouteLeg } from '../../domain/route.js';
import { parseOrThrow } from '../../errors/validationError.js';
import type { ProviderCallOptions, ProviderClientOptions } from '../http/ProviderClientOptions.js';
import { fromKakaoDirections } from './fromKakaoDirections.js';
import { kakaoGet } from './kakaoGet.js';
import { kakaoDirectionsResponseSchema } from './kakaoMobilitySchemas.js';

export const KAKAO_MOBILITY_DEFAULT_BASE_URL = 'https://apis-navi.kakaomobility.com';

const directionsSchema = z.object({
  origin: latLngSchema,
  destination: latLngSchema,
  /** Kakao allows at most 5. */
  waypoints: z.array(latLngSchema).max(5).optional(),
  priority: z.enum(['RECOMMEND', 'TIME', 'DISTANCE']).optional(),
});
export type KakaoDirectionsRequest = z.input<typeof directionsSchema>;

/** Kakao points are `x,y` = `lng,lat`. */
const toXY = (p: LatLng) => `${p.lng},${p.lat}`;

/**
 * Kakao Mobility car directions (`/v1/directions`). Car only: walking, bicycle and transit are
 * partner-only at Kakao. "No route" (HTTP 200, `result_code` ≠ 0) throws `no_route`.
 */
export class KakaoMobilityClient {
  readonly #options: Readonly<ProviderClientOptions>;

  constructor(options: Readonly<ProviderClientOptions>) {
    this.#options = options;
  }

  /** One car leg from `origin` to `destination` (through `waypoints`), `summary=true` as we need no sections. */
  async directions(
    request: Readonly<KakaoDirectionsRequest>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<RouteLeg> {
    const p = parseOrThrow(directionsSchema, request);
    const body = await kakaoGet(
      this.#options,
      {
        path: '/v1/directions',
        query: {
          origin: toXY(p.origin),
          destination: toXY(p.destination),
          waypoints: p.waypoints?.length ? p.waypoints.map(toXY).join('|') : undefined,
          priority: p.priority ?? 'RECOMMEND',
          summary: 'true',
        },
        schema: kakaoDirectionsResponseSchema,
        operation: 'directions',
      },
      call,
    );
    return fromKakaoDirections(body);
  }
}
