import '../shared/http/enableHttpStream.js';

import { app } from '@azure/functions';

import { parseOrThrow } from '../shared/errors/validationError.js';
import { authenticated } from '../shared/http/httpHandler.js';
import { readJsonBody, readQuery } from '../shared/http/readJsonBody.js';
import { json } from '../shared/http/responses.js';
import { geocodeParamsSchema, reverseGeocodeParamsSchema } from '../shared/places/GeocodeService.js';
import {
  placeDetailsQuerySchema,
  placeIdSchema,
  placeSearchParamsSchema,
} from '../shared/places/placeSearchParams.js';
import { matrixBodySchema, routeQuerySchema } from '../shared/places/routeParams.js';

app.http('places-search', {
  methods: ['GET'],
  route: 'places/search',
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const params = readQuery(request, placeSearchParamsSchema);
    const result = await ctx.places.search.search(params, signal);
    const { value: places, warnings } = await ctx.localizer.localize(result.places, params.language, signal);
    return json(
      200,
      { ...result, places, ...(warnings.length > 0 ? { warnings } : {}) },
      { 'cache-control': 'private, max-age=60', 'x-cache': result.cache },
    );
  }),
});

app.http('places-details', {
  methods: ['GET'],
  route: 'places/{id}',
  authLevel: 'function',
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
  authLevel: 'function',
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
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const body = await readJsonBody(request, matrixBodySchema, ctx.config.http.maxBodyBytes);
    const rows = await ctx.places.routes.matrix(body, signal);
    return json(200, { rows });
  }),
});

app.http('geocode', {
  methods: ['GET'],
  route: 'geocode',
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const results = await ctx.places.geocoding.geocode(readQuery(request, geocodeParamsSchema), signal);
    return json(200, { results });
  }),
});

app.http('reverse-geocode', {
  methods: ['GET'],
  route: 'reverse-geocode',
  authLevel: 'function',
  handler: authenticated(async (request, { app: ctx, signal }) => {
    const result = await ctx.places.geocoding.reverse(readQuery(request, reverseGeocodeParamsSchema), signal);
    return json(200, { result });
  }),
});
