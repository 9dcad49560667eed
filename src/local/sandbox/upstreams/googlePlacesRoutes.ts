import { haversineMeters } from '../../../shared/domain/geo.js';
import { isOpenAt } from '../dataset/isOpenAt.js';
import type { SandboxPlace } from '../dataset/SandboxPlace.js';
import type { SandboxHandler } from '../sandboxHttp.js';
import { applyFieldMask, isFieldMask, readFieldMask } from './fieldMask.js';
import { googleError, googleOk } from './googleAnswers.js';
import { PLACE_FIELDS, PLACE_SEARCH_FIELDS } from './googleKnownFields.js';
import { isGoogleError, readCircle, readGoogleBody, readRectangle } from './googleRequestBody.js';
import { matchScore, queryTokens } from './keywordMatch.js';
import { decodePageToken, encodePageToken, searchFingerprint } from './pageToken.js';
import { languageOf, PRICE_LEVELS, toGooglePlaceJson } from './toGooglePlaceJson.js';

/** Text Search serves at most 60 results (3 pages of 20). */
const MAX_TEXT_RESULTS = 60;

function resultCount(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 20
    ? value
    : undefined;
}

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

/**
 * `POST /v1/places:searchText`: keyword match over Korean and English names, categories and
 * addresses; `includedType`, `openNow`, `minRating`, `priceLevels`, `locationRestriction`
 * (rectangle) filter; `locationBias` (circle) ranks places inside it first; 20 per page, 60 at most,
 * `nextPageToken` for the next page. No match is `{}`, as Google answers.
 */
const searchText: SandboxHandler = (req, ctx) => {
  const body = readGoogleBody(req);
  if (isGoogleError(body)) return body;
  const mask = readFieldMask(req, PLACE_SEARCH_FIELDS);
  if (!isFieldMask(mask)) return mask;
  if (typeof body.textQuery !== 'string' || body.textQuery.trim() === '')
    return googleError(400, 'textQuery must be set.');
  const pageSize = resultCount(body.pageSize ?? body.maxResultCount, 20);
  if (pageSize === undefined) return googleError(400, 'pageSize must be between 1 and 20.');
  const fingerprint = searchFingerprint(body);
  let offset = 0;
  if (typeof body.pageToken === 'string' && body.pageToken !== '') {
    const decoded = decodePageToken(body.pageToken, fingerprint);
    if (decoded === undefined) return googleError(400, 'Invalid page token.');
    offset = decoded;
  }
  const bias = readCircle(body.locationBias);
  const restriction = readRectangle(body.locationRestriction);
  const now = ctx.now();
  const priceLevels = stringList(body.priceLevels);
  const tokens = queryTokens(body.textQuery);
  const keep = (p: SandboxPlace) =>
    (typeof body.includedType !== 'string' || p.google.types.includes(body.includedType)) &&
    (body.openNow !== true ||
      (p.openingHours !== undefined && isOpenAt(p.openingHours, now, p.utcOffsetMinutes))) &&
    (typeof body.minRating !== 'number' || p.rating >= body.minRating) &&
    (priceLevels.length === 0 ||
      (p.priceLevel !== undefined && priceLevels.includes(PRICE_LEVELS[p.priceLevel]!))) &&
    (!restriction || restriction(p.location));
  const byDistance = body.rankPreference === 'DISTANCE' && bias;
  const hits = ctx.dataset
    .all()
    .filter(keep)
    .map((place) => ({
      place,
      score: matchScore(place, tokens),
      distance: bias ? haversineMeters(bias.center, place.location) : 0,
    }))
    .filter((hit) => hit.score > 0)
    .sort((l, r) => {
      if (byDistance) return l.distance - r.distance;
      const inside = (d: number) => (bias && d <= bias.radius ? 0 : 1);
      return (
        inside(l.distance) - inside(r.distance) ||
        r.score - l.score ||
        r.place.ratingCount - l.place.ratingCount
      );
    })
    .slice(0, MAX_TEXT_RESULTS);
  const page = hits.slice(offset, offset + pageSize);
  const language = languageOf(body.languageCode);
  const full = {
    ...(page.length > 0
      ? { places: page.map((hit) => toGooglePlaceJson(hit.place, language, now, body.languageCode)) }
      : {}),
    ...(offset + pageSize < hits.length
      ? { nextPageToken: encodePageToken(offset + pageSize, fingerprint) }
      : {}),
  };
  return googleOk(applyFieldMask(full, mask));
};

/** `POST /v1/places:searchNearby`: places inside the required circle, by popularity or distance. */
const searchNearby: SandboxHandler = (req, ctx) => {
  const body = readGoogleBody(req);
  if (isGoogleError(body)) return body;
  const mask = readFieldMask(req, PLACE_SEARCH_FIELDS);
  if (!isFieldMask(mask)) return mask;
  const circle = readCircle(body.locationRestriction);
  if (!circle || circle.radius <= 0)
    return googleError(400, 'locationRestriction.circle with a radius in (0, 50000] is required.');
  const max = resultCount(body.maxResultCount, 20);
  if (max === undefined) return googleError(400, 'maxResultCount must be between 1 and 20.');
  const included = stringList(body.includedTypes);
  const excluded = stringList(body.excludedTypes);
  const hits = ctx.dataset
    .all()
    .map((place) => ({ place, distance: haversineMeters(circle.center, place.location) }))
    .filter(
      ({ place, distance }) =>
        distance <= circle.radius &&
        (included.length === 0 || place.google.types.some((t) => included.includes(t))) &&
        !place.google.types.some((t) => excluded.includes(t)),
    )
    .sort((l, r) =>
      body.rankPreference === 'DISTANCE'
        ? l.distance - r.distance
        : r.place.ratingCount - l.place.ratingCount || l.distance - r.distance,
    )
    .slice(0, max);
  const language = languageOf(body.languageCode);
  const now = ctx.now();
  const full =
    hits.length > 0
      ? { places: hits.map((hit) => toGooglePlaceJson(hit.place, language, now, body.languageCode)) }
      : {};
  return googleOk(applyFieldMask(full, mask));
};

/** `GET /v1/places/{id}`: 404 NOT_FOUND for an id the sandbox never issued. */
const placeDetails =
  (id: string): SandboxHandler =>
  (req, ctx) => {
    const mask = readFieldMask(req, PLACE_FIELDS);
    if (!isFieldMask(mask)) return mask;
    if (!/^[A-Za-z0-9_-]+$/.test(id)) return googleError(400, `Not a valid Place ID: ${id}`);
    const place = ctx.dataset.byGoogleId(id);
    if (!place) return googleError(404, 'Requested entity was not found.');
    const language = languageOf(req.url.searchParams.get('languageCode'));
    return googleOk(
      applyFieldMask(
        toGooglePlaceJson(place, language, ctx.now(), req.url.searchParams.get('languageCode')),
        mask,
      ),
    );
  };

/** The Places handler for a method and path, if Places has one. */
export function googlePlacesRoute(method: string, path: string): SandboxHandler | undefined {
  if (method === 'POST' && path === '/v1/places:searchText') return searchText;
  if (method === 'POST' && path === '/v1/places:searchNearby') return searchNearby;
  const details = /^\/v1\/places\/([^/:]+)$/.exec(path);
  if (method === 'GET' && details) return placeDetails(decodeURIComponent(details[1]!));
  return undefined;
}
