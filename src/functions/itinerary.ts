import '../shared/http/enableHttpStream.js';

import { app } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody } from '../shared/http/readJsonBody.js';
import { json, routeId } from '../shared/http/responses.js';
import { SerializationMemo } from '../shared/http/SerializationMemo.js';
import { SerializedJson } from '../shared/http/SerializedJson.js';
import { serializedResponse } from '../shared/http/serializedResponse.js';
import { attachmentBodySchema, memoBodySchema } from '../shared/itinerary/itineraryRequests.js';

/** The itinerary view as bytes (and compressed once), for as long as the store keeps the view. */
const itineraryBodies = new SerializationMemo<object>();

app.http('itinerary-get', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const view = await ctx.itineraries.view(principal.userId, tripId);
    const body = itineraryBodies.get(view, '', () => new SerializedJson(view.body, view.etag));
    return serializedResponse(request, body, { 'cache-control': 'no-store' });
  }),
});

app.http('itinerary-item-patch', {
  methods: ['PATCH'],
  route: 'trips/{tripId}/itinerary/items/{itemId}',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const itemId = routeId(request, 'itemId');
    const { memo } = await readJsonBody(request, memoBodySchema, ctx.config.http.maxBodyBytes);
    const { doc, etag } = await ctx.itineraries.setMemo(
      principal.userId,
      tripId,
      itemId,
      memo,
      request.headers.get('if-match') ?? undefined,
    );
    const item = doc.days.flatMap((d) => d.items).find((i) => i.id === itemId);
    return json(200, item, { etag });
  }),
});

app.http('itinerary-attachments-create', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary/items/{itemId}/attachments',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const itemId = routeId(request, 'itemId');
    const body = await readJsonBody(request, attachmentBodySchema, ctx.config.http.maxBodyBytes);
    if (body.sizeBytes > ctx.config.attachments.maxBytes) {
      throw new AppError('payload_too_large', 'Photo too large', {
        detail: `Photos may be at most ${ctx.config.attachments.maxBytes} bytes`,
        errors: [{ path: 'body.sizeBytes', message: `at most ${ctx.config.attachments.maxBytes}` }],
      });
    }
    const created = await ctx.itineraries.createAttachment(
      principal.userId,
      tripId,
      itemId,
      body.contentType,
      body.sizeBytes,
    );
    return json(201, created);
  }),
});
