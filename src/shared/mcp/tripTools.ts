import { z } from 'zod';

import { tripSchema } from '../openapi/responseSchemas.js';
import { tripInputSchema, tripPatchSchema } from '../trips/tripSchema.js';
import { defineTool } from './McpTool.js';

const tripIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/, 'not a valid id')
  .describe('The trip id.');
const etagSchema = z
  .string()
  .max(200)
  .optional()
  .describe(
    'The etag from your last read; the change is refused if the trip changed since. Omitted: the current trip.',
  );
const tripWithEtag = z.object({ trip: tripSchema, etag: z.string() });

export const createTripTool = defineTool({
  name: 'create_trip',
  title: 'Create a trip',
  description:
    'Create a trip: destination, dates (at most 14 days), daily hours, accommodation, transport, travellers with their ' +
    'ages, mobility and preferences, language; optionally mustVisit place ids and avoid (placeIds, kinds). ' +
    'Then call create_itinerary_job to plan it.',
  input: tripInputSchema,
  output: tripWithEtag,
  readOnly: false,
  run: async (args, { app, principal }) => app.trips.create(principal.userId, args),
  render: (r) => `trip ${r.trip.id}: ${r.trip.name}, ${r.trip.startDate}–${r.trip.endDate}`,
});

export const listTripsTool = defineTool({
  name: 'list_trips',
  title: 'List my trips',
  description: "The caller's trips, newest first, a page at a time.",
  input: z
    .object({
      pageSize: z.number().int().min(1).max(100).default(20),
      cursor: z.string().max(2048).optional().describe('nextCursor of the previous page.'),
    })
    .strict(),
  output: z.object({ trips: z.array(tripSchema), nextCursor: z.string().optional() }),
  readOnly: true,
  run: async (args, { app, principal }) => {
    const page = await app.trips.list(principal.userId, args.pageSize, args.cursor);
    return { trips: page.items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  },
  render: (r) =>
    r.trips.map((t) => `${t.id}: ${t.name} (${t.startDate}–${t.endDate})`).join('\n') || 'no trips',
});

export const getTripTool = defineTool({
  name: 'get_trip',
  title: 'Read a trip',
  description: 'One trip of the caller, with its etag (pass it to update_trip or delete_trip).',
  input: z.object({ tripId: tripIdSchema }).strict(),
  output: tripWithEtag,
  readOnly: true,
  run: async (args, { app, principal }) => app.trips.get(principal.userId, args.tripId),
  render: (r) => JSON.stringify(r.trip),
});

export const updateTripTool = defineTool({
  name: 'update_trip',
  title: 'Change a trip',
  description:
    'Change some fields of a trip (JSON merge patch: objects merge, null removes). Changing dates, accommodation, ' +
    'travellers or transport marks its itinerary stale; regenerate_itinerary brings it in step.',
  input: z.object({ tripId: tripIdSchema, patch: tripPatchSchema, etag: etagSchema }).strict(),
  output: tripWithEtag,
  readOnly: false,
  run: async (args, { app, principal }) => {
    const before = await app.trips.get(principal.userId, args.tripId);
    const updated = await app.trips.patch(
      principal.userId,
      args.tripId,
      args.patch,
      args.etag ?? before.etag,
    );
    await app.itineraries.markStale(principal.userId, before.trip, updated.trip);
    return updated;
  },
  render: (r) => `trip ${r.trip.id} updated`,
});

export const deleteTripTool = defineTool({
  name: 'delete_trip',
  title: 'Delete a trip',
  description: 'Delete a trip with its itinerary, jobs and photos. Cannot be undone.',
  input: z.object({ tripId: tripIdSchema, etag: etagSchema }).strict(),
  output: z.object({ deleted: z.string() }),
  readOnly: false,
  run: async (args, { app, principal }) => {
    await app.trips.delete(principal.userId, args.tripId, args.etag);
    return { deleted: args.tripId };
  },
  render: (r) => `trip ${r.deleted} deleted`,
});

export const TRIP_TOOLS = [createTripTool, listTripsTool, getTripTool, updateTripTool, deleteTripTool];
