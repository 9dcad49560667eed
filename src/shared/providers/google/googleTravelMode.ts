import type { TravelMode } from '../../domain/route.js';

const GOOGLE_TRAVEL_MODES: Readonly<Record<TravelMode, string>> = {
  car: 'DRIVE',
  walk: 'WALK',
  bicycle: 'BICYCLE',
  transit: 'TRANSIT',
};

/** Routes API `travelMode` for our mode. */
export function toGoogleTravelMode(mode: TravelMode): string {
  return GOOGLE_TRAVEL_MODES[mode];
}
