import { isInKorea } from '../domain/geo.js';
import type { Place } from '../domain/place.js';

/** Roughly Japan's main islands and Okinawa (Korea is checked first: the boxes overlap at sea). */
const inJapan = (p: { lat: number; lng: number }) =>
  p.lat >= 24 && p.lat <= 46 && p.lng >= 122.9 && p.lng <= 146;

/**
 * The language a place's name is written in locally: Kakao serves Korean only; a Google place's from
 * where it is (Korea → ko, Japan → ja); `undefined` elsewhere (Translator then detects the language).
 */
export function originalLanguageOf(place: Pick<Place, 'provider' | 'location'>): string | undefined {
  if (place.provider === 'kakao' || isInKorea(place.location)) return 'ko';
  if (inJapan(place.location)) return 'ja';
  return undefined;
}
