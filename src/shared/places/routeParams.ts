import { z } from 'zod';

import { latLngSchema } from '../domain/place.js';
import { travelModeSchema } from '../domain/route.js';

/** `lat,lng` as one query value, e.g. `37.5796,126.9770`. */
export const latLngPairSchema = z
  .string()
  .regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'expected "lat,lng"')
  .transform((v) => {
    const [lat, lng] = v.split(',').map(Number);
    return { lat: lat!, lng: lng! };
  })
  .pipe(latLngSchema);

export const routeQuerySchema = z
  .object({
    from: latLngPairSchema.describe('Origin as "lat,lng".'),
    to: latLngPairSchema.describe('Destination as "lat,lng".'),
    mode: travelModeSchema.default('car').describe('car, walk, transit or bicycle.'),
    departAt: z.iso
      .datetime({ offset: true })
      .optional()
      .describe('Departure instant (ISO 8601) for traffic and timetables.'),
  })
  .strict();

export const matrixBodySchema = z
  .object({
    origins: z.array(latLngSchema).min(1).max(25).describe('Up to 25 origins.'),
    destinations: z.array(latLngSchema).min(1).max(25).describe('Up to 25 destinations.'),
    mode: travelModeSchema.default('car'),
  })
  .strict();
