import { isInKorea } from '../../../shared/domain/geo.js';
import type { LatLng } from '../../../shared/domain/place.js';
import type { SandboxContext, SandboxHandler } from '../sandboxHttp.js';
import { applyFieldMask, isFieldMask, readFieldMask } from './fieldMask.js';
import { googleError, googleOk } from './googleAnswers.js';
import { COMPUTE_ROUTES_FIELDS, ROUTE_MATRIX_FIELDS } from './googleKnownFields.js';
import { isGoogleError, isObject, readGoogleBody, readWaypoint } from './googleRequestBody.js';
import { estimateTravel, isSandboxTravelMode, type SandboxTravelMode } from './travelEstimate.js';

/** Non-transit matrices may have 625 elements; transit 100. */
const MAX_ELEMENTS = { transit: 100, other: 625 };

/**
 * Google has no driving, walking or cycling directions in South Korea: it answers as if there were
 * no route. Transit works there.
 */
const noDirections = (mode: SandboxTravelMode, points: readonly LatLng[]) =>
  mode !== 'TRANSIT' && points.some((p) => isInKorea(p));

/** Proto3 JSON leaves out fields holding 0, so a 0 m route has no `distanceMeters`; the sandbox does too. */
const nonZero = (name: string, value: number) => (value === 0 ? {} : { [name]: value });

const placeLocation = (ctx: SandboxContext) => (id: string) => ctx.dataset.byGoogleId(id)?.location;

function travelMode(value: unknown): SandboxTravelMode | undefined {
  if (value === undefined) return 'DRIVE';
  return isSandboxTravelMode(value) ? value : undefined;
}

/** `POST /directions/v2:computeRoutes`: one route, or `{}` where Google has none (DRIVE/WALK in Korea). */
const computeRoutes: SandboxHandler = (req, ctx) => {
  const body = readGoogleBody(req);
  if (isGoogleError(body)) return body;
  const mask = readFieldMask(req, COMPUTE_ROUTES_FIELDS);
  if (!isFieldMask(mask)) return mask;
  const origin = readWaypoint(body.origin, placeLocation(ctx));
  const destination = readWaypoint(body.destination, placeLocation(ctx));
  if (!origin) return googleError(400, 'Invalid origin: a location.latLng or a known placeId is required.');
  if (!destination)
    return googleError(400, 'Invalid destination: a location.latLng or a known placeId is required.');
  const mode = travelMode(body.travelMode);
  if (!mode) return googleError(400, `Invalid value at 'travel_mode' (${String(body.travelMode)}).`);
  const intermediates = Array.isArray(body.intermediates)
    ? body.intermediates.map((w) => readWaypoint(w, placeLocation(ctx)))
    : [];
  if (intermediates.some((p) => !p)) return googleError(400, 'Invalid intermediate waypoint.');
  const points = [origin, ...(intermediates as LatLng[]), destination];
  if (noDirections(mode, points)) return googleOk({});
  const { distanceMeters, durationSeconds } = estimateTravel(points, mode);
  const route = {
    ...nonZero('distanceMeters', distanceMeters),
    duration: `${durationSeconds}s`,
    staticDuration: `${durationSeconds}s`,
    description: 'sandbox estimate',
  };
  return googleOk(applyFieldMask({ routes: [route] }, mask));
};

/**
 * `POST /distanceMatrix/v2:computeRouteMatrix`: one element per pair, streamed by destination
 * (Google's order is unspecified, so clients must place elements by index). Pairs Google cannot
 * route are `ROUTE_NOT_FOUND`.
 */
const computeRouteMatrix: SandboxHandler = (req, ctx) => {
  const body = readGoogleBody(req);
  if (isGoogleError(body)) return body;
  const mask = readFieldMask(req, ROUTE_MATRIX_FIELDS);
  if (!isFieldMask(mask)) return mask;
  const read = (list: unknown) =>
    Array.isArray(list)
      ? list.map((item) => (isObject(item) ? readWaypoint(item.waypoint, placeLocation(ctx)) : undefined))
      : [];
  const origins = read(body.origins);
  const destinations = read(body.destinations);
  if (origins.length === 0 || origins.some((o) => !o))
    return googleError(400, 'origins must be a non-empty list of waypoints.');
  if (destinations.length === 0 || destinations.some((d) => !d)) {
    return googleError(400, 'destinations must be a non-empty list of waypoints.');
  }
  const mode = travelMode(body.travelMode);
  if (!mode) return googleError(400, `Invalid value at 'travel_mode' (${String(body.travelMode)}).`);
  const limit = mode === 'TRANSIT' ? MAX_ELEMENTS.transit : MAX_ELEMENTS.other;
  if (origins.length * destinations.length > limit) {
    return googleError(400, `The number of elements (origins × destinations) must not exceed ${limit}.`);
  }
  const elements = destinations.flatMap((destination, d) =>
    origins.map((origin, o) => {
      const indices = { ...nonZero('originIndex', o), ...nonZero('destinationIndex', d), status: {} };
      if (noDirections(mode, [origin!, destination!])) return { ...indices, condition: 'ROUTE_NOT_FOUND' };
      const { distanceMeters, durationSeconds } = estimateTravel([origin!, destination!], mode);
      return {
        ...indices,
        condition: 'ROUTE_EXISTS',
        ...nonZero('distanceMeters', distanceMeters),
        duration: `${durationSeconds}s`,
        staticDuration: `${durationSeconds}s`,
      };
    }),
  );
  return googleOk(applyFieldMask(elements, mask));
};

export const GOOGLE_ROUTES_ROUTES: Readonly<Record<string, SandboxHandler>> = {
  '/directions/v2:computeRoutes': computeRoutes,
  '/distanceMatrix/v2:computeRouteMatrix': computeRouteMatrix,
};
