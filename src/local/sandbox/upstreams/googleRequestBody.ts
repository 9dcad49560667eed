import type { LatLng } from '../../../shared/domain/place.js';
import { INVALID_JSON, type SandboxRequest, type SandboxResponse } from '../sandboxHttp.js';
import { googleError } from './googleAnswers.js';

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The JSON object body of a Google POST, or Google's 400 for anything else. */
export function readGoogleBody(req: SandboxRequest): Body | SandboxResponse {
  if (req.body === INVALID_JSON) return googleError(400, 'Invalid JSON payload received.');
  if (req.body === undefined) return {};
  if (!isObject(req.body)) return googleError(400, 'Invalid JSON payload received. Expected an object.');
  return req.body;
}

export const isGoogleError = (value: unknown): value is SandboxResponse =>
  isObject(value) && typeof value.status === 'number' && 'body' in value;

/** `{latitude, longitude}` → LatLng; `undefined` when missing or out of range. */
export function readLatLng(value: unknown): LatLng | undefined {
  if (!isObject(value)) return undefined;
  const { latitude, longitude } = value;
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  return { lat: latitude, lng: longitude };
}

/** `{circle:{center:{latitude,longitude}, radius}}` → centre and radius; `undefined` when absent or invalid. */
export function readCircle(value: unknown): { center: LatLng; radius: number } | undefined {
  if (!isObject(value) || !isObject(value.circle)) return undefined;
  const center = readLatLng(value.circle.center);
  const radius = value.circle.radius ?? 0;
  if (!center || typeof radius !== 'number' || radius < 0 || radius > 50_000) return undefined;
  return { center, radius };
}

/** `{rectangle:{low, high}}` → a predicate; `undefined` when absent or invalid. */
export function readRectangle(value: unknown): ((p: LatLng) => boolean) | undefined {
  if (!isObject(value) || !isObject(value.rectangle)) return undefined;
  const low = readLatLng(value.rectangle.low);
  const high = readLatLng(value.rectangle.high);
  if (!low || !high) return undefined;
  return (p) => p.lat >= low.lat && p.lat <= high.lat && p.lng >= low.lng && p.lng <= high.lng;
}

/** A Routes API waypoint `{location:{latLng}}` or `{placeId}` (resolved by `findPlace`). */
export function readWaypoint(
  value: unknown,
  findPlace: (id: string) => LatLng | undefined,
): LatLng | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.placeId === 'string') return findPlace(value.placeId);
  return isObject(value.location) ? readLatLng(value.location.latLng) : undefined;
}

export { isObject };
