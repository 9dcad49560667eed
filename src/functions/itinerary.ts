import '../shared/http/enableHttpStream.js';

import { app } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody } from '../shared/http/readJsonBody.js';
import { json, routeId } from '../shared/http/responses.js';
import { SerializationMemo } from '../shared/http/SerializationMemo.js';
import { SerializedJson } from '../shared/http/SerializedJson.js';
import { serializedResponse } from '../shared/http/serializedResponse.js';
import { localizeItinerary } from '../shared/i18n/localizeItinerary.js';
import { requestLanguage } from '../shared/i18n/requestLanguage.js';
import type { ItineraryDocument } from '../shared/itinerary/ItineraryDocument.js';
import { attachmentBodySchema, memoBodySchema } from '../shared/itinerary/itineraryRequests.js';

/** The itinerary view per language as bytes (and compressed once), for as long as the store keeps the view. */
const itineraryBodies = new SerializationMemo<object>();

app.http('itinerary-get', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const view = await ctx.itineraries.view(principal.userId, tripId);
    // `?language=` (or Accept-Language) reads the same plan in another language without a new job.
    const asked = requestLanguage(request.query.get('language'), request.headers.get('accept-language'), '');
    const language = asked || (await ctx.tripStore.get(principal.userId, tripId)).trip.language;
    let body = itineraryBodies.peek(view, language);
    if (!body) {
      const parsed = JSON.parse(view.body) as Pick<ItineraryDocument, 'days' | 'warnings' | 'dropped'>;
      const localized = await localizeItinerary(ctx.localizer, parsed, language, signal);
      // The ETag stays the stored document's in every language, so If-Match on edits keeps working.
      body = new SerializedJson(JSON.stringify(localized), view.etag);
      // A view degraded by a Translator outage (more warnings than stored) is not remembered.
      if (localized.warnings.length === parsed.warnings.length) itineraryBodies.set(view, language, body);
    }
    return serializedResponse(request, body, {
      'cache-control': 'no-store',
      vary: 'Accept-Language',
      'content-language': language,
    });
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
