import { app, type HttpRequest } from '@azure/functions';

import { AppError } from '../shared/errors/AppError.js';
import { anonymous, authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody } from '../shared/http/readJsonBody.js';
import { json, routeId } from '../shared/http/responses.js';
import { localizeItinerary } from '../shared/i18n/localizeItinerary.js';
import { itineraryEditingFor } from '../shared/itinerary/itineraryEditingFor.js';
import { renderSharePage } from '../shared/itinerary/share/renderSharePage.js';
import { sharedView } from '../shared/itinerary/share/sharedView.js';
import { createShareBodySchema } from '../shared/itinerary/share/shareRequests.js';

/**
 * The page loads nothing but itself; no Referer leaves it, so the token in its URL does not travel to
 * the map sites it links to.
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex',
  'cache-control': 'private, no-store',
};

app.http('trip-share', {
  methods: ['GET', 'POST', 'DELETE'],
  route: 'trips/{tripId}/share',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, principal }) => {
    const tripId = routeId(request, 'tripId');
    const owner = principal.userId;
    const { shares } = itineraryEditingFor(ctx);
    await ctx.trips.get(owner, tripId);
    switch (request.method) {
      case 'POST': {
        const body = await readJsonBody(request, createShareBodySchema, ctx.config.http.maxBodyBytes);
        await ctx.itineraries.get(owner, tripId);
        const { token, grant } = await shares.create(owner, tripId, body.includeMemos);
        const url = `/api/share/${token}`;
        return json(
          201,
          { token, url, includeMemos: grant.includeMemos, createdAt: grant.createdAt },
          { location: url },
        );
      }
      case 'DELETE':
        await shares.revoke(owner, tripId);
        return { status: 204 };
      default: {
        const status = await shares.status(owner, tripId);
        return json(200, status ? { shared: true, ...status } : { shared: false });
      }
    }
  }),
});

app.http('share-view', {
  methods: ['GET'],
  route: 'share/{token}',
  authLevel: 'anonymous',
  handler: anonymous(async (request, { app: ctx, signal }) => {
    const grant = await itineraryEditingFor(ctx).shares.resolve(request.params.token ?? '');
    const gone = new AppError('not_found', 'Not shared', {
      detail: 'This link does not exist or was revoked',
    });
    if (!grant) throw gone;
    const trip = await ctx.trips.get(grant.ownerId, grant.tripId).catch(() => undefined);
    const stored = trip && (await ctx.itineraries.get(grant.ownerId, grant.tripId).catch(() => undefined));
    if (!trip || !stored) throw gone;
    // Read as the owner reads it: places in the trip's language, each with its original name beside it.
    const localized = await localizeItinerary(ctx.localizer, stored.doc, trip.trip.language, signal);
    const view = sharedView(localized, trip.trip.name, grant.includeMemos);
    const language = { 'content-language': view.language };
    if (wantsJson(request))
      return json(200, view, { vary: 'accept', 'referrer-policy': 'no-referrer', ...language });
    return {
      status: 200,
      body: renderSharePage(view),
      headers: { 'content-type': 'text/html; charset=utf-8', vary: 'accept', ...language, ...PAGE_HEADERS },
    };
  }),
});

/** JSON for clients that ask for it and not for HTML (a browser's Accept lists text/html first). */
function wantsJson(request: HttpRequest): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /application\/json/.test(accept) && !/text\/html/.test(accept);
}
