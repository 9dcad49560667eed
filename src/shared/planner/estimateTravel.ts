import { haversineMeters } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import type { MatrixCell, TravelMode } from '../domain/route.js';

/** Streets are not straight lines: road distance ≈ great-circle distance × this. */
export const DETOUR_FACTOR = 1.3;

/** Average speeds (m/s) and fixed overheads (s) of the estimate, by mode. */
const ESTIMATE: Readonly<Record<TravelMode, { detour: number; speed: number; overhead: number }>> = {
  // Urban driving around 30 km/h, plus finding a parking place.
  car: { detour: 1.4, speed: 8.3, overhead: 120 },
  // Bus/subway around 20 km/h door to door, plus walking to the stop and waiting.
  transit: { detour: DETOUR_FACTOR, speed: 5.5, overhead: 300 },
  walk: { detour: DETOUR_FACTOR, speed: 1.2, overhead: 0 },
  bicycle: { detour: DETOUR_FACTOR, speed: 4, overhead: 0 },
};

/**
 * A travel leg estimated from the great-circle distance (haversine × detour factor), marked
 * `estimated`. Used when no provider covers a mode (walking and transit in Korea) or a matrix call
 * failed. `walkSpeed` overrides the walking speed (a slower group).
 */
export function estimateCell(from: LatLng, to: LatLng, mode: TravelMode, walkSpeed?: number): MatrixCell {
  const straight = haversineMeters(from, to);
  if (straight < 1) return { distanceMeters: 0, durationSeconds: 0, estimated: true };
  const rule = ESTIMATE[mode];
  const distanceMeters = Math.round(straight * rule.detour);
  const speed = mode === 'walk' && walkSpeed !== undefined ? walkSpeed : rule.speed;
  return {
    distanceMeters,
    durationSeconds: Math.ceil(distanceMeters / speed + rule.overhead),
    estimated: true,
  };
}

/** A full estimated matrix over `points`. */
export function estimateMatrix(points: readonly LatLng[], mode: TravelMode): MatrixCell[][] {
  return points.map((from) => points.map((to) => estimateCell(from, to, mode)));
}
