import type { Place } from '../../domain/place.js';

/**
 * A link that opens the place in the map app of its provider: Kakao Map's documented
 * `/link/map/{name},{lat},{lng}` for Kakao places, a Google Maps URL (`api=1` search with the place
 * id) for Google places.
 */
export function mapLink(place: Place): string {
  const { lat, lng } = place.location;
  if (place.provider === 'kakao')
    return `https://map.kakao.com/link/map/${encodeURIComponent(place.name)},${lat},${lng}`;
  const placeId = place.id.startsWith('google:') ? place.id.slice('google:'.length) : undefined;
  const query = new URLSearchParams({ api: '1', query: `${lat},${lng}` });
  if (placeId) query.set('query_place_id', placeId);
  return `https://www.google.com/maps/search/?${query.toString()}`;
}
