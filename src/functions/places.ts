import { app } from '@azure/functions';

import { parseOrThrow } from '../shared/errors/validationError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody, readQuery, readQueryOnce } from '../shared/http/readJsonBody.js';
import { json } from '../shared/http/responses.js';
import { SerializationMemo } from '../shared/http/SerializationMemo.js';
import { SerializedJson } from '../shared/http/SerializedJson.js';
import { serializedResponse } from '../shared/http/serializedResponse.js';
import { chargeMatrixElements } from '../shared/limits/requestBudget.js';
import { geocodeParamsSchema, reverseGeocodeParamsSchema } from '../shared/places/GeocodeService.js';
import {
  placeDetailsQuerySchema,
  placeIdSchema,
  placeSearchParamsSchema,
} from '../shared/places/placeSearchParams.js';
import { matrixBodySchema, routeQuerySchema } from '../shared/places/routeParams.js';

/** Search answers as bytes, per cached page: a hit is not serialized again. */
const searchBodies = new SerializationMemo<object>();

app.http('places-search', {
  methods: ['GET'],
  route: 'places/search',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const params = readQueryOnce(request, placeSearchParamsSchema);
    const result = await ctx.places.search.search(params, signal);
    const { provider, page, hasMore, cache } = result;
    // A page already localized and serialized for this language is served as it is, without asking
    // the localizer again (the page object lives as long as the cache keeps it).
    const variant = `${params.language} ${provider} ${page} ${hasMore} ${cache}`;
    let body = searchBodies.peek(result.places, variant);
    if (!body) {
      const { value: places, warnings } = await ctx.localizer.localize(
        result.places,
        params.language,
        signal,
      );
      body = SerializedJson.of({ ...result, places, ...(warnings.length > 0 ? { warnings } : {}) });
      // Answers degraded by a Translator outage carry warnings and are not remembered.
      if (warnings.length === 0) searchBodies.set(result.places, variant, body);
    }
    return serializedResponse(request, body, { 'cache-control': 'private, max-age=60', 'x-cache': cache });
  }),
});

app.http('places-details', {
  methods: ['GET'],
  route: 'places/{id}',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const id = parseOrThrow(placeIdSchema, request.params.id, 'params.id');
    const { language } = readQuery(request, placeDetailsQuerySchema);
    const { place, cache } = await ctx.places.details.get(id, language, signal);
    const { value, warnings } = await ctx.localizer.localize([place], language, signal);
    return json(200, value[0], {
      'cache-control': 'private, max-age=300',
      'x-cache': cache,
      ...(warnings.length > 0 ? { 'x-localization-warning': warnings.map((w) => w.code).join(',') } : {}),
    });
  }),
});

app.http('routes-get', {
  methods: ['GET'],
  route: 'routes',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const q = readQuery(request, routeQuerySchema);
    const leg = await ctx.places.routes.route(
      { from: q.from, to: q.to, mode: q.mode, departAt: q.departAt },
      signal,
    );
    return json(200, leg);
  }),
});

app.http('routes-matrix', {
  methods: ['POST'],
  route: 'routes/matrix',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const body = await readJsonBody(request, matrixBodySchema, ctx.config.http.maxBodyBytes);
    chargeMatrixElements(body.origins.length * body.destinations.length);
    const rows = await ctx.places.routes.matrix(body, signal);
    return json(200, { rows });
  }),
});

app.http('geocode', {
  methods: ['GET'],
  route: 'geocode',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const results = await ctx.places.geocoding.geocode(readQuery(request, geocodeParamsSchema), signal);
    return json(200, { results });
  }),
});

app.http('reverse-geocode', {
  methods: ['GET'],
  route: 'reverse-geocode',
  authLevel: 'anonymous',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const result = await ctx.places.geocoding.reverse(readQuery(request, reverseGeocodeParamsSchema), signal);
    return json(200, { result });
  }),
});
