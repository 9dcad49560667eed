import '../shared/http/enableHttpStream.js';

import { app, type HttpResponseInit } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody } from '../shared/http/readJsonBody.js';
import { json, routeId } from '../shared/http/responses.js';
import { localizeItinerary } from '../shared/i18n/localizeItinerary.js';
import { requestLanguage } from '../shared/i18n/requestLanguage.js';
import type { ItineraryDocument } from '../shared/itinerary/ItineraryDocument.js';
import { attachmentBodySchema, memoBodySchema } from '../shared/itinerary/itineraryRequests.js';

app.http('itinerary-get', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary',
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const { etag, body } = await ctx.itineraries.view(principal.userId, tripId);
    // `?language=` (or Accept-Language) reads the same plan in another language without a new job.
    const asked = requestLanguage(request.query.get('language'), request.headers.get('accept-language'), '');
    const language = asked || (await ctx.tripStore.get(principal.userId, tripId)).trip.language;
    const headers = { etag, vary: 'Accept-Language', 'content-language': language };
    if (request.headers.get('if-none-match') === etag) return { status: 304, headers };
    const view = JSON.parse(body) as Pick<ItineraryDocument, 'days' | 'warnings' | 'dropped'>;
    const localized = await localizeItinerary(ctx.localizer, view, language, signal);
    const response: HttpResponseInit = {
      status: 200,
      body: JSON.stringify(localized),
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    };
    return response;
  }),
});

app.http('itinerary-item-patch', {
  methods: ['PATCH'],
  route: 'trips/{tripId}/itinerary/items/{itemId}',
  authLevel: 'function',
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
  authLevel: 'function',
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
