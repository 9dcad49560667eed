import { haversineMeters } from '../domain/geo.js';
import type { LatLng } from '../domain/place.js';
import type { RouteLeg, TravelMode } from '../domain/route.js';

/**
 * Where no provider gives a leg (walking or transit in Korea, an open breaker, a failed matrix cell):
 * straight-line distance × a detour factor ÷ a typical speed, marked `estimated`. Factors from common
 * urban circuity measurements (road networks run ~1.2–1.4× the crow-fly distance).
 */
const MODEL: Record<TravelMode, { detour: number; metersPerSecond: number; fixedSeconds: number }> = {
  car: { detour: 1.35, metersPerSecond: 8.3, fixedSeconds: 120 },
  walk: { detour: 1.25, metersPerSecond: 1.2, fixedSeconds: 0 },
  bicycle: { detour: 1.3, metersPerSecond: 4.0, fixedSeconds: 60 },
  // Transit: ~18 km/h door to door plus waiting and walking to the stop.
  transit: { detour: 1.3, metersPerSecond: 5.0, fixedSeconds: 360 },
};

export function estimateLeg(from: LatLng, to: LatLng, mode: TravelMode): RouteLeg {
  const m = MODEL[mode];
  const distanceMeters = Math.round(haversineMeters(from, to) * m.detour);
  const durationSeconds =
    distanceMeters === 0 ? 0 : Math.round(distanceMeters / m.metersPerSecond + m.fixedSeconds);
  return { distanceMeters, durationSeconds, mode, provider: 'estimate', estimated: true };
}
