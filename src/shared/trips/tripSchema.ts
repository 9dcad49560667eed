import { z } from 'zod';

import { hhmmSchema, placeCategorySchema } from '../domain/place.js';
import { numberParam } from '../http/numberParam.js';
import { languageCodeSchema } from '../i18n/languages.js';

const MAX_TRIP_DAYS = 14;
const boundedText = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

const placeIdSchema = z
  .string()
  .regex(/^(kakao|google):[A-Za-z0-9_-]{1,300}$/, 'expected a place id such as kakao:26338954');

export const mobilitySchema = z.enum(['full', 'limited', 'wheelchair']);

export const memberSchema = z.object({
  name: boundedText(80),
  age: z.number().int().min(0).max(120),
  health: z.object({ mobility: mobilitySchema, notes: z.string().max(500).optional() }).optional(),
  preferences: z.array(boundedText(40)).max(20).default([]),
});

export const transportModeSchema = z.enum(['car', 'transit', 'walk', 'mixed']);

/** The body of POST/PUT /api/trips (docs/architecture.md#api-contract). Every field bounded; cross-field rules below. */
export const tripInputSchema = z
  .object({
    name: boundedText(120),
    destination: z.object({
      name: boundedText(120),
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
      countryCode: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as KR'),
    }),
    startDate: isoDate,
    endDate: isoDate,
    dailyStart: hhmmSchema.default('09:00'),
    dailyEnd: hhmmSchema.default('21:00'),
    accommodation: z.object({
      name: boundedText(120),
      lat: z.number().min(-90).max(90),
      lng: z.number().min(-180).max(180),
    }),
    transport: z.object({ mode: transportModeSchema }),
    members: z.array(memberSchema).min(1).max(12),
    language: languageCodeSchema.default('ko'),
    /** Places the travellers insist on (generation schedules them or says why not). */
    mustVisit: z.array(placeIdSchema).max(20).optional(),
    /** Places and kinds of place to leave out of the plan. */
    avoid: z
      .object({
        placeIds: z.array(placeIdSchema).max(50).optional(),
        kinds: z.array(placeCategorySchema).max(8).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((trip, ctx) => {
    const window = plannableWindow();
    if (trip.startDate < window.from || trip.startDate > window.to)
      ctx.addIssue({
        code: 'custom',
        path: ['startDate'],
        message: `must be between ${window.from} and ${window.to} (yesterday to two years ahead)`,
      });
    const days = tripDayCount(trip.startDate, trip.endDate);
    if (days < 1)
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after startDate' });
    else if (days > MAX_TRIP_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: `a trip may last at most ${MAX_TRIP_DAYS} days`,
      });
    if (trip.dailyEnd <= trip.dailyStart)
      ctx.addIssue({ code: 'custom', path: ['dailyEnd'], message: 'must be later than dailyStart' });
  });

export type TripInput = z.output<typeof tripInputSchema>;
export type Member = z.output<typeof memberSchema>;

/** A stored trip: the input plus identity and bookkeeping. */
export interface Trip extends TripInput {
  id: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * Start dates a trip may have: from yesterday (UTC — somewhere on Earth it is still yesterday) to two
 * years ahead. Plans for the past cannot be verified against opening hours, and far-future or
 * four-digit-year-0001 dates only produce nonsense calendars.
 */
export function plannableWindow(now = Date.now()): { from: string; to: string } {
  const from = new Date(now - 86_400_000).toISOString().slice(0, 10);
  const twoYears = new Date(now);
  twoYears.setUTCFullYear(twoYears.getUTCFullYear() + 2);
  return { from, to: twoYears.toISOString().slice(0, 10) };
}

/** Inclusive number of days between two YYYY-MM-DD dates. */
export function tripDayCount(startDate: string, endDate: string): number {
  return (
    Math.round((Date.parse(`${endDate}T00:00:00Z`) - Date.parse(`${startDate}T00:00:00Z`)) / 86_400_000) + 1
  );
}

export const listTripsQuerySchema = z
  .object({
    pageSize: numberParam(z.number().int().min(1).max(100).default(20)),
    cursor: z.string().max(2048).optional(),
  })
  .strict();

/** PATCH: any subset of the top-level fields; the merged result is validated with the full schema. */
export const tripPatchSchema = z.record(z.string(), z.unknown());
