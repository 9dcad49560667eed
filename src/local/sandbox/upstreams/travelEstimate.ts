import { haversineMeters } from '../../../shared/domain/geo.js';
import type { LatLng } from '../../../shared/domain/place.js';

/** How the sandbox moves: road distance = straight line × detour; time = distance ÷ speed + fixed overhead. */
const PROFILES = {
  DRIVE: { detour: 1.35, metersPerSecond: 30 / 3.6, overheadSeconds: 60 },
  WALK: { detour: 1.2, metersPerSecond: 4.5 / 3.6, overheadSeconds: 0 },
  BICYCLE: { detour: 1.25, metersPerSecond: 15 / 3.6, overheadSeconds: 0 },
  TWO_WHEELER: { detour: 1.3, metersPerSecond: 30 / 3.6, overheadSeconds: 30 },
  TRANSIT: { detour: 1.4, metersPerSecond: 22 / 3.6, overheadSeconds: 360 },
} as const;

export type SandboxTravelMode = keyof typeof PROFILES;

export function isSandboxTravelMode(value: unknown): value is SandboxTravelMode {
  return typeof value === 'string' && Object.hasOwn(PROFILES, value);
}

/** Distance (m) and duration (s) of a trip through `points` (≥ 2), both whole numbers. */
export function estimateTravel(
  points: readonly LatLng[],
  mode: SandboxTravelMode,
): { distanceMeters: number; durationSeconds: number } {
  const profile = PROFILES[mode];
  let distance = 0;
  for (let i = 1; i < points.length; i += 1)
    distance += haversineMeters(points[i - 1]!, points[i]!) * profile.detour;
  const distanceMeters = Math.round(distance);
  const durationSeconds =
    distanceMeters === 0 ? 0 : Math.round(distanceMeters / profile.metersPerSecond + profile.overheadSeconds);
  return { distanceMeters, durationSeconds };
}
