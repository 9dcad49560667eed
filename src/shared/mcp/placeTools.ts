import { z } from 'zod';

import type { AppContext } from '../app/AppContext.js';
import { latLngSchema, type Place, placeSchema } from '../domain/place.js';
import { matrixCellSchema, travelModeSchema } from '../domain/route.js';
import type { Localized } from '../i18n/PlaceLocalizer.js';
import { chargeMatrixElements } from '../limits/requestBudget.js';
import {
  geocodeResultSchema,
  reverseGeocodeResultSchema,
  routeLegSchema,
  searchResultSchema,
} from '../openapi/responseSchemas.js';
import { geocodeParamsSchema, reverseGeocodeParamsSchema } from '../places/GeocodeService.js';
import {
  languageSchema,
  placeIdSchema,
  type PlaceSearchParams,
  placeSearchParamsSchema,
} from '../places/placeSearchParams.js';
import { matrixBodySchema } from '../places/routeParams.js';
import { defineTool } from './McpTool.js';
import {
  type OptionalPlaceField,
  placeFieldsSchema,
  type SearchPlace,
  searchPlaceSchema,
  withFields,
} from './placeFields.js';
import { renderHours } from './renderHours.js';

const km = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`);
const min = (s: number) => `${Math.round(s / 60)} min`;

/** Pages already localized, per cached page object and language (as the REST search keeps its bytes). */
const localizedPages = new WeakMap<object, Map<string, Place[]>>();

/** The page in `language`; remembered unless a Translator outage degraded it (it then has warnings). */
async function localizedPage(
  app: Pick<AppContext, 'localizer'>,
  page: readonly Place[],
  language: string,
  signal?: AbortSignal,
): Promise<Localized<Place[]>> {
  const known = localizedPages.get(page)?.get(language);
  if (known) return { value: known, warnings: [] };
  const localized = await app.localizer.localize(page, language, signal);
  if (localized.warnings.length === 0) {
    let byLanguage = localizedPages.get(page);
    if (!byLanguage) localizedPages.set(page, (byLanguage = new Map()));
    byLanguage.set(language, localized.value);
  }
  return localized;
}

const searchPlacesOutputSchema = searchResultSchema.extend({ places: z.array(searchPlaceSchema) });
type SearchPlacesResult = z.infer<typeof searchPlacesOutputSchema>;

type SearchArgs = PlaceSearchParams & { fields?: OptionalPlaceField[] };

/** Search parameters without `fields`, per frozen (reused) arguments, so the search remembers their cache keys. */
const searchParamsOf = new WeakMap<SearchArgs, PlaceSearchParams>();

function withoutFields(args: SearchArgs): PlaceSearchParams {
  const known = searchParamsOf.get(args);
  if (known) return known;
  const { fields: _fields, ...params } = args;
  if (Object.isFrozen(args)) searchParamsOf.set(args, Object.freeze(params));
  return params;
}

/** search_places results without warnings, per localized page and then fields and paging. */
const searchResults = new WeakMap<readonly Place[], Map<string, SearchPlacesResult>>();

export const searchPlacesTool = defineTool({
  name: 'search_places',
  title: 'Search places',
  description:
    'Find real places by text and/or category near a point. Korea is answered by Kakao (best Korean coverage), ' +
    'elsewhere by Google. Give lat/lng to search around a point (radius in metres, ≤ 20000). ' +
    'Results include ids for get_place_details, ratings and distances; ask for opening hours, phone, url or ' +
    'provider categories with `fields`. Cached.',
  input: placeSearchParamsSchema.safeExtend({ fields: placeFieldsSchema }),
  output: searchPlacesOutputSchema,
  readOnly: true,
  run: async (args, { app, signal }): Promise<SearchPlacesResult> => {
    const params = withoutFields(args);
    const result = await app.places.search.search(params, signal);
    const { value: places, warnings } = await localizedPage(app, result.places, params.language, signal);
    if (warnings.length > 0)
      return { ...result, places: places.map((p) => withFields(p, args.fields)), warnings };
    // The same localized page, fields and paging: the same frozen result, rendered and encoded once.
    const key = `${args.fields?.join(',') ?? ''} ${result.provider} ${result.page} ${result.hasMore} ${result.cache}`;
    let byKey = searchResults.get(places);
    if (!byKey) searchResults.set(places, (byKey = new Map()));
    let built = byKey.get(key);
    if (!built) {
      built = Object.freeze({
        ...result,
        places: Object.freeze(places.map((p) => withFields(p, args.fields))) as SearchPlace[],
      });
      byKey.set(key, built);
    }
    return built;
  },
  render: (r) =>
    [
      `${r.places.length} place(s) from ${r.provider} (page ${r.page}${r.hasMore ? ', more available' : ''}, cache ${r.cache}):`,
    ]
      .concat(
        r.places.map(
          (p) =>
            `- ${p.name}${p.nameOriginal ? ` (${p.nameOriginal})` : ''} [${p.id}] ${p.category}${p.rating !== undefined ? ` ★${p.rating}${p.ratingCount ? ` (${p.ratingCount})` : ''}` : ''} — ${p.address}`,
        ),
      )
      .join('\n'),
});

export const getPlaceDetailsTool = defineTool({
  name: 'get_place_details',
  title: 'Place details',
  description:
    'Details of one place by id (from search_places): address, phone, rating, price level and weekly opening ' +
    'periods (day 0 = Sunday, HH:MM local time; a period may cross midnight). Unknown hours are reported as unknown.',
  input: z
    .object({
      id: placeIdSchema.describe('Place id, e.g. kakao:26338954 or google:ChIJ…'),
      language: languageSchema,
    })
    .strict(),
  output: placeSchema,
  readOnly: true,
  run: async (args, { app, signal }) => {
    const { place } = await app.places.details.get(args.id, args.language, signal);
    return (await app.localizer.localize([place], args.language, signal)).value[0]!;
  },
  render: (p) =>
    [
      `${p.name}${p.nameOriginal ? ` (${p.nameOriginal})` : ''} [${p.id}] — ${p.category}`,
      p.address,
      p.addressOriginal,
      p.phone,
      p.rating !== undefined ? `Rating ${p.rating} (${p.ratingCount ?? 0} reviews)` : undefined,
      renderHours(p.openingHours),
      p.url,
    ]
      .filter(Boolean)
      .join('\n'),
});

export const getRouteTool = defineTool({
  name: 'get_route',
  title: 'Travel time between two points',
  description:
    'Distance (metres) and duration (seconds) of one leg. mode: car, walk, transit or bicycle. In Korea cars use ' +
    'Kakao Mobility; where no provider has directions (e.g. walking in Korea) the leg is estimated and says so.',
  input: z
    .object({
      from: latLngSchema.describe('Origin {lat, lng}.'),
      to: latLngSchema.describe('Destination {lat, lng}.'),
      mode: travelModeSchema.default('car'),
      departAt: z.iso.datetime({ offset: true }).optional().describe('Departure instant, ISO 8601.'),
    })
    .strict(),
  output: routeLegSchema,
  readOnly: true,
  run: (args, { app, signal }) => app.places.routes.route(args, signal),
  render: (l) =>
    `${l.mode}: ${km(l.distanceMeters)}, ${min(l.durationSeconds)} (${l.estimated ? 'estimated' : l.provider})`,
});

export const computeRouteMatrixTool = defineTool({
  name: 'compute_route_matrix',
  title: 'Travel-time matrix',
  description:
    'Durations and distances from each origin to each destination (≤ 25 × 25) in one call; rows[origin][destination].',
  input: matrixBodySchema,
  output: z.object({ rows: z.array(z.array(matrixCellSchema)) }),
  readOnly: true,
  run: async (args, { app, signal }) => {
    chargeMatrixElements(args.origins.length * args.destinations.length);
    return { rows: await app.places.routes.matrix(args, signal) };
  },
  render: (r) =>
    r.rows.map((row, i) => `from #${i}: ${row.map((c) => min(c.durationSeconds)).join(', ')}`).join('\n'),
});

export const geocodeTool = defineTool({
  name: 'geocode',
  title: 'Address → coordinates',
  description:
    'Resolve an address or place name to coordinates (Kakao for Korean addresses, Google elsewhere), best match first.',
  input: geocodeParamsSchema,
  output: geocodeResultSchema,
  readOnly: true,
  run: async (args, { app, signal }) => ({ results: await app.places.geocoding.geocode(args, signal) }),
  render: (r) =>
    r.results.length === 0
      ? 'No match.'
      : r.results
          .map((g) => `- ${g.address} (${g.location.lat}, ${g.location.lng}) via ${g.provider}`)
          .join('\n'),
});

export const reverseGeocodeTool = defineTool({
  name: 'reverse_geocode',
  title: 'Coordinates → address',
  description: 'The address or administrative region at a point.',
  input: reverseGeocodeParamsSchema,
  output: reverseGeocodeResultSchema,
  readOnly: true,
  run: async (args, { app, signal }) => ({ result: await app.places.geocoding.reverse(args, signal) }),
  render: (r) =>
    r.result ? `${r.result.address} (${r.result.regions.join(' > ')})` : 'No address known here.',
});

export const PLACE_TOOLS = [
  searchPlacesTool,
  getPlaceDetailsTool,
  getRouteTool,
  computeRouteMatrixTool,
  geocodeTool,
  reverseGeocodeTool,
];
