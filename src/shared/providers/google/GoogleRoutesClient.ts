import { z } from 'zod';

import { type LatLng, latLngSchema } from '../../domain/place.js';
import { type MatrixCell, type RouteLeg, travelModeSchema } from '../../domain/route.js';
import { parseOrThrow } from '../../errors/validationError.js';
import type { ProviderCallOptions, ProviderClientOptions } from '../http/ProviderClientOptions.js';
import { fromGoogleRouteMatrix } from './fromGoogleRouteMatrix.js';
import { fromGoogleRoutes } from './fromGoogleRoutes.js';
import { COMPUTE_ROUTES_FIELD_MASK, ROUTE_MATRIX_FIELD_MASK } from './googleFieldMasks.js';
import { googleComputeRoutesResponseSchema, googleRouteMatrixResponseSchema } from './googleRoutesSchemas.js';
import { googleSend } from './googleSend.js';
import { toGoogleTravelMode } from './googleTravelMode.js';

export const GOOGLE_ROUTES_DEFAULT_BASE_URL = 'https://routes.googleapis.com';

/** Routes API limit for non-transit matrices (origins × destinations). */
/** Google's element limits for computeRouteMatrix: 625, but only 100 for TRANSIT (Routes API "Request limits"). */
export function maxMatrixElements(mode: z.output<typeof travelModeSchema>): number {
  return mode === 'transit' ? 100 : 625;
}

const routeSchema = z.object({
  origin: latLngSchema,
  destination: latLngSchema,
  mode: travelModeSchema,
  /** ISO 8601 instant; used for traffic (car) and timetables (transit). */
  departAt: z.iso.datetime({ offset: true }).optional(),
  languageCode: z.string().min(2).max(16).optional(),
  regionCode: z.string().length(2).optional(),
});
const matrixSchema = z
  .object({
    origins: z.array(latLngSchema).min(1),
    destinations: z.array(latLngSchema).min(1),
    mode: travelModeSchema,
    departAt: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((m) => m.origins.length * m.destinations.length <= maxMatrixElements(m.mode), {
    message: 'too many origin × destination pairs (625; 100 for transit)',
    path: ['destinations'],
  });

export type GoogleRouteRequest = z.input<typeof routeSchema>;
export type GoogleRouteMatrixRequest = z.input<typeof matrixSchema>;

/** rows[origin][destination]; `null` where Google has no route for that pair. */
export interface GoogleRouteMatrix {
  rows: (MatrixCell | null)[][];
}

const toWaypoint = (p: LatLng) => ({ location: { latLng: { latitude: p.lat, longitude: p.lng } } });

/**
 * Traffic and timetables need `departureTime`; Google rejects one in the past, and for a past
 * instant typical conditions are the best answer anyway, so only future instants are sent.
 */
function timing(
  mode: z.output<typeof travelModeSchema>,
  departAt: string | undefined,
): Record<string, string> {
  const future = departAt !== undefined && Date.parse(departAt) > Date.now();
  if (mode === 'car') return future ? { routingPreference: 'TRAFFIC_AWARE', departureTime: departAt } : {};
  if (mode === 'transit' && future) return { departureTime: departAt };
  return {};
}

/**
 * Google Routes API: `computeRoutes` (one leg) and `computeRouteMatrix`. Google has no DRIVE/WALK
 * directions in South Korea and answers `{}`: that surfaces as `no_route` / google-no-directions
 * (see `isGoogleNoDirections`) so routing detects it at run time instead of hard-coding it.
 */
export class GoogleRoutesClient {
  readonly #options: Readonly<ProviderClientOptions>;

  constructor(options: Readonly<ProviderClientOptions>) {
    this.#options = options;
  }

  /** `POST /directions/v2:computeRoutes`. */
  async computeRoute(
    request: Readonly<GoogleRouteRequest>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<RouteLeg> {
    const p = parseOrThrow(routeSchema, request);
    const body = await googleSend(
      this.#options,
      {
        method: 'POST',
        path: '/directions/v2:computeRoutes',
        body: {
          origin: toWaypoint(p.origin),
          destination: toWaypoint(p.destination),
          travelMode: toGoogleTravelMode(p.mode),
          ...timing(p.mode, p.departAt),
          languageCode: p.languageCode,
          regionCode: p.regionCode,
        },
        fieldMask: COMPUTE_ROUTES_FIELD_MASK,
        schema: googleComputeRoutesResponseSchema,
        operation: 'computeRoutes',
      },
      call,
    );
    return fromGoogleRoutes(body, p.mode);
  }

  /** `POST /distanceMatrix/v2:computeRouteMatrix`. */
  async computeRouteMatrix(
    request: Readonly<GoogleRouteMatrixRequest>,
    call?: Readonly<ProviderCallOptions>,
  ): Promise<GoogleRouteMatrix> {
    const p = parseOrThrow(matrixSchema, request);
    const elements = await googleSend(
      this.#options,
      {
        method: 'POST',
        path: '/distanceMatrix/v2:computeRouteMatrix',
        body: {
          origins: p.origins.map((o) => ({ waypoint: toWaypoint(o) })),
          destinations: p.destinations.map((d) => ({ waypoint: toWaypoint(d) })),
          travelMode: toGoogleTravelMode(p.mode),
          ...timing(p.mode, p.departAt),
        },
        fieldMask: ROUTE_MATRIX_FIELD_MASK,
        schema: googleRouteMatrixResponseSchema,
        operation: 'computeRouteMatrix',
      },
      call,
    );
    return {
      rows: fromGoogleRouteMatrix(elements, {
        origins: p.origins.length,
        destinations: p.destinations.length,
      }),
    };
  }
}
