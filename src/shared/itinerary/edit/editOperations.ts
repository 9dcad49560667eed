import { z } from 'zod';

const itemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a valid item id')
  .describe('An item id from the itinerary.');
const dateSchema = z.iso.date().describe('A day of the trip, YYYY-MM-DD.');
const placeIdSchema = z
  .string()
  .regex(/^(kakao|google):[A-Za-z0-9_-]{1,300}$/, 'expected a place id such as kakao:26338954')
  .describe('A place id from search_places or the itinerary.');
const positionSchema = z
  .number()
  .int()
  .min(0)
  .max(30)
  .describe('0-based position among the day’s visits and meals; omitted: where it adds the least travel.');

/** One change to the itinerary. Every change re-times the days it touches with the planner's rules. */
export const editOperationSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('remove'), itemId: itemIdSchema }).strict(),
  z
    .object({
      op: z.literal('move'),
      itemId: itemIdSchema,
      toDate: dateSchema.optional().describe('Another day (default: the same day).'),
      position: positionSchema.optional(),
    })
    .strict(),
  z.object({ op: z.literal('swap'), itemId: itemIdSchema, withItemId: itemIdSchema }).strict(),
  z
    .object({
      op: z.literal('setDuration'),
      itemId: itemIdSchema,
      minutes: z.number().int().min(10).max(600).describe('How long to stay, minutes.'),
    })
    .strict(),
  z
    .object({
      op: z.literal('add'),
      placeId: placeIdSchema,
      date: dateSchema,
      position: positionSchema.optional(),
    })
    .strict(),
  z.object({ op: z.literal('replace'), itemId: itemIdSchema, placeId: placeIdSchema }).strict(),
  z.object({ op: z.literal('lockDay'), date: dateSchema, locked: z.boolean().default(true) }).strict(),
  z
    .object({
      op: z.literal('dismissNote'),
      itemId: itemIdSchema.describe(
        'The itemId of a note in detachedNotes (its memo is dropped; delete its photos first).',
      ),
    })
    .strict(),
]);
export type EditOperation = z.output<typeof editOperationSchema>;

/** POST /api/trips/{tripId}/itinerary/edits (If-Match required). */
export const editRequestSchema = z
  .object({
    operations: z.array(editOperationSchema).min(1).max(20),
    force: z
      .boolean()
      .default(false)
      .describe('Apply even when the result breaks a planning rule (the problems are returned as warnings).'),
  })
  .strict();
export type EditRequest = z.output<typeof editRequestSchema>;

/** POST /api/trips/{tripId}/itinerary/regenerate (If-Match required). */
export const regenerateRequestSchema = z
  .object({
    date: dateSchema.optional().describe('Only this day (default: every unlocked day).'),
    variation: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('A seed: another number gives a different plan of similar quality.'),
  })
  .strict();
export type RegenerateRequest = z.output<typeof regenerateRequestSchema>;

/** GET …/items/{itemId}/alternatives */
export const alternativesQuerySchema = z
  .object({ limit: z.coerce.number().int().min(1).max(10).default(5) })
  .strict();
