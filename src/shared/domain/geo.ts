import type { LatLng } from './place.js';

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const toRad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * South Korea's rough bounding box (incl. Jeju and Ulleung). Used to prefer Kakao; Google's missing
 * directions in Korea are still detected at run time, this only picks the first provider to ask.
 */
export function isInKorea(p: LatLng): boolean {
  return p.lat >= 33.0 && p.lat <= 38.7 && p.lng >= 124.5 && p.lng <= 131.9;
}
