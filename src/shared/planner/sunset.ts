import type { LatLng } from '../domain/place.js';

const RAD = Math.PI / 180;

/**
 * Local sunset, minutes after local midnight, for a date (`YYYY-MM-DD`) at a place whose clock is
 * `utcOffsetMinutes` from UTC (540 for Korea and Japan). NOAA's simplified solar position (accurate
 * to a minute or two at these latitudes), written out because it is a dozen lines and the planner
 * only ever needs sunset; `undefined` in polar day or night.
 */
export function sunsetMinutes(date: string, at: LatLng, utcOffsetMinutes: number): number | undefined {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dayOfYear = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(year, 0, 0)) / 86_400_000);
  const gamma = ((2 * Math.PI) / 365) * (dayOfYear - 1);
  const equationOfTime =
    229.18 *
    (0.000075 +
      0.001868 * Math.cos(gamma) -
      0.032077 * Math.sin(gamma) -
      0.014615 * Math.cos(2 * gamma) -
      0.040849 * Math.sin(2 * gamma));
  const declination =
    0.006918 -
    0.399912 * Math.cos(gamma) +
    0.070257 * Math.sin(gamma) -
    0.006758 * Math.cos(2 * gamma) +
    0.000907 * Math.sin(2 * gamma) -
    0.002697 * Math.cos(3 * gamma) +
    0.00148 * Math.sin(3 * gamma);
  const lat = at.lat * RAD;
  // 90.833°: the sun's upper limb on the horizon, with refraction.
  const cosHourAngle =
    Math.cos(90.833 * RAD) / (Math.cos(lat) * Math.cos(declination)) - Math.tan(lat) * Math.tan(declination);
  if (cosHourAngle < -1 || cosHourAngle > 1) return undefined;
  const hourAngle = Math.acos(cosHourAngle) / RAD;
  const utcMinutes = 720 - 4 * (at.lng - hourAngle) - equationOfTime;
  return Math.round(utcMinutes + utcOffsetMinutes);
}

/** Standard UTC offsets of the countries we plan in (neither keeps daylight saving time). */
const UTC_OFFSETS: Readonly<Record<string, number>> = { KR: 540, JP: 540 };

/** A destination's UTC offset in minutes: known countries exactly, elsewhere from the longitude. */
export function utcOffsetMinutes(countryCode: string | undefined, lng: number): number {
  return UTC_OFFSETS[countryCode ?? ''] ?? Math.round(lng / 15) * 60;
}
