import { app } from '@azure/functions';

import { authenticated } from '../shared/http/httpHandler.js';
import { parseIfMatch } from '../shared/http/ifMatch.js';
import { readJsonBody, readQuery } from '../shared/http/readJsonBody.js';
import { json, requireIfMatch, routeId } from '../shared/http/responses.js';
import { listTripsQuerySchema, tripInputSchema, tripPatchSchema } from '../shared/trips/tripSchema.js';

app.http('trips-create', {
  methods: ['POST'],
  route: 'trips',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const input = await readJsonBody(request, tripInputSchema, ctx.config.http.maxBodyBytes);
    const { trip, etag } = await ctx.trips.create(principal.userId, input);
    return json(201, trip, { location: `/api/trips/${trip.id}`, etag });
  }),
});

app.http('trips-list', {
  methods: ['GET'],
  route: 'trips',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const query = readQuery(request, listTripsQuerySchema);
    const page = await ctx.trips.list(principal.userId, query.pageSize, query.cursor);
    return json(200, { trips: page.items, nextCursor: page.nextCursor });
  }),
});

app.http('trips-item', {
  methods: ['GET', 'PUT', 'PATCH', 'DELETE'],
  route: 'trips/{tripId}',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const owner = principal.userId;
    switch (request.method) {
      case 'PUT': {
        const ifMatch = requireIfMatch(request);
        const input = await readJsonBody(request, tripInputSchema, ctx.config.http.maxBodyBytes);
        const before = (await ctx.trips.get(owner, tripId)).trip;
        const { trip, etag } = await ctx.trips.replace(owner, tripId, input, ifMatch);
        await ctx.itineraries.markStale(owner, before, trip);
        return json(200, trip, { etag });
      }
      case 'PATCH': {
        const ifMatch = requireIfMatch(request);
        const patch = await readJsonBody(request, tripPatchSchema, ctx.config.http.maxBodyBytes);
        const before = (await ctx.trips.get(owner, tripId)).trip;
        const { trip, etag } = await ctx.trips.patch(owner, tripId, patch, ifMatch);
        await ctx.itineraries.markStale(owner, before, trip);
        return json(200, trip, { etag });
      }
      case 'DELETE':
        await ctx.trips.delete(owner, tripId, parseIfMatch(request));
        return { status: 204 };
      default: {
        const { trip, etag } = await ctx.trips.get(owner, tripId);
        return json(200, trip, { etag });
      }
    }
  }),
});
