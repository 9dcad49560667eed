import { app, type HttpRequest, type HttpResponseInit } from '@azure/functions';

import type { AppContext } from '../shared/app/AppContext.js';
import { AppError } from '../shared/errors/AppError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody, readQuery } from '../shared/http/readJsonBody.js';
import { json, requireIfMatch, routeId } from '../shared/http/responses.js';
import { SerializationMemo } from '../shared/http/SerializationMemo.js';
import { SerializedJson } from '../shared/http/SerializedJson.js';
import { serializedResponse } from '../shared/http/serializedResponse.js';
import { localizeItinerary } from '../shared/i18n/localizeItinerary.js';
import { readableItinerary } from '../shared/i18n/readableItinerary.js';
import { requestLanguage } from '../shared/i18n/requestLanguage.js';
import {
  alternativesQuerySchema,
  editRequestSchema,
  regenerateRequestSchema,
} from '../shared/itinerary/edit/editOperations.js';
import type { ItineraryDocument } from '../shared/itinerary/ItineraryDocument.js';
import { itineraryEditingFor } from '../shared/itinerary/itineraryEditingFor.js';
import { attachmentBodySchema, memoBodySchema } from '../shared/itinerary/itineraryRequests.js';
import { tripLanguage } from '../shared/trips/tripLanguageMemo.js';

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
    const language = asked || (await tripLanguage(ctx.trips, principal.userId, tripId));
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
    // The blob name ItineraryService gave it: a pending placeholder lets the cleanup timer find it.
    const blobName = `${encodeURIComponent(principal.userId)}/${tripId}/${itemId}/${created.attachmentId}`;
    await itineraryEditingFor(ctx).photoBlobs.placeholder(blobName);
    return json(201, created);
  }),
});

app.http('itinerary-edits', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary/edits',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const ifMatch = requireIfMatch(request);
    const body = await readJsonBody(request, editRequestSchema, ctx.config.http.maxBodyBytes);
    const { editor } = itineraryEditingFor(ctx);
    const result = await editor.edit(principal.userId, tripId, body, ifMatch, signal);
    return changedAnswer(request, ctx, principal.userId, tripId, result, signal);
  }),
});

app.http('itinerary-versions', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary/versions',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    await ctx.itineraries.get(principal.userId, tripId);
    const versions = await itineraryEditingFor(ctx).versions.list(principal.userId, tripId);
    return json(200, { versions });
  }),
});

app.http('itinerary-version-restore', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary/versions/{revision}/restore',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const revision = revisionParam(request.params.revision);
    const ifMatch = requireIfMatch(request);
    const { editor, versions } = itineraryEditingFor(ctx);
    await editor.current(principal.userId, tripId, ifMatch);
    const old = await versions.get(principal.userId, tripId, revision);
    const saved = await editor.restore(principal.userId, tripId, old, revision, ifMatch);
    const itinerary = await readableItinerary(
      ctx,
      principal.userId,
      tripId,
      saved.doc,
      askedLanguage(request),
      signal,
    );
    return json(200, itinerary, { etag: saved.etag });
  }),
});

/** An edit's or regeneration's answer: the itinerary as GET shows it, the warnings, the new ETag. */
async function changedAnswer(
  request: HttpRequest,
  ctx: AppContext,
  ownerId: string,
  tripId: string,
  result: { doc: ItineraryDocument; etag: string; warnings: unknown[] },
  signal: AbortSignal,
): Promise<HttpResponseInit> {
  const lang = askedLanguage(request);
  const itinerary = await readableItinerary(ctx, ownerId, tripId, result.doc, lang, signal);
  return json(200, { itinerary, warnings: result.warnings }, { etag: result.etag });
}

/** `?language=`, else Accept-Language; '' when neither (then the trip's language). */
function askedLanguage(request: HttpRequest): string {
  return requestLanguage(request.query.get('language'), request.headers.get('accept-language'), '');
}

function revisionParam(value: string | undefined): number {
  if (!value || !/^\d{1,9}$/.test(value))
    throw new AppError('validation_failed', 'Bad revision', {
      errors: [{ path: 'params.revision', message: 'expected a revision number from GET …/versions' }],
    });
  return Number(value);
}

app.http('itinerary-regenerate', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary/regenerate',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const ifMatch = requireIfMatch(request);
    const body = await readJsonBody(request, regenerateRequestSchema, ctx.config.http.maxBodyBytes);
    const result = await itineraryEditingFor(ctx).editor.regenerate(
      principal.userId,
      tripId,
      body,
      ifMatch,
      signal,
    );
    return changedAnswer(request, ctx, principal.userId, tripId, result, signal);
  }),
});

app.http('itinerary-item-alternatives', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary/items/{itemId}/alternatives',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal, signal }) => {
    const tripId = routeId(request, 'tripId');
    const itemId = routeId(request, 'itemId');
    const { limit } = readQuery(request, alternativesQuerySchema);
    const alternatives = await itineraryEditingFor(ctx).editor.alternatives(
      principal.userId,
      tripId,
      itemId,
      limit,
      signal,
    );
    return json(200, { itemId, alternatives });
  }),
});

app.http('itinerary-attachment-complete', {
  methods: ['POST'],
  route: 'trips/{tripId}/itinerary/items/{itemId}/attachments/{attachmentId}/complete',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const [tripId, itemId, attachmentId] = ['tripId', 'itemId', 'attachmentId'].map((n) =>
      routeId(request, n),
    );
    const attachment = await itineraryEditingFor(ctx).photos.complete(
      principal.userId,
      tripId!,
      itemId!,
      attachmentId!,
    );
    return json(200, attachment);
  }),
});

app.http('itinerary-attachment-delete', {
  methods: ['DELETE'],
  route: 'trips/{tripId}/itinerary/items/{itemId}/attachments/{attachmentId}',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const [tripId, itemId, attachmentId] = ['tripId', 'itemId', 'attachmentId'].map((n) =>
      routeId(request, n),
    );
    await itineraryEditingFor(ctx).photos.remove(principal.userId, tripId!, itemId!, attachmentId!);
    return { status: 204 };
  }),
});

app.http('itinerary-photos', {
  methods: ['GET'],
  route: 'trips/{tripId}/itinerary/photos',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const photos = await itineraryEditingFor(ctx).photos.list(principal.userId, tripId);
    return json(200, { photos });
  }),
});
