import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { haversineMeters } from '../domain/geo.js';
import type { OpeningHours, Place } from '../domain/place.js';
import type { ProviderClients } from './ProviderClients.js';

/** A Google place counts as the same place within this distance and with a similar name. */
const MATCH_RADIUS_M = 250;

/**
 * Kakao Local has no opening hours. When Google is configured, a Kakao place borrows the hours (and
 * rating) of the Google place with a similar name within 250 m; without a match its hours stay
 * unknown — unknown is a risk for the planner, never "always open". Kakao names are Korean, so Google is
 * asked in Korean for the match. Cached for the opening-hours TTL.
 */
export class HoursMatcher {
  readonly #clients: ProviderClients;
  readonly #cache: TieredCache;

  constructor(clients: ProviderClients, cache: TieredCache) {
    this.#clients = clients;
    this.#cache = cache;
  }

  /** Forget the matched hours of a Kakao place (the verifier re-reads them). */
  async invalidate(placeId: string): Promise<void> {
    await this.#cache.invalidate(cacheKey('location', 'hours', placeId));
  }

  async enrich(place: Place, signal?: AbortSignal): Promise<Place> {
    if (place.provider !== 'kakao' || place.openingHours || !this.#clients.googleEnabled()) return place;
    const { value } = await this.#cache.getOrLoad<{
      hours?: OpeningHours;
      rating?: number;
      ratingCount?: number;
      wheelchairAccessible?: boolean;
    }>(
      cacheKey('location', 'hours', place.id),
      { ttlMs: CACHE_TTL_SECONDS.openingHours * 1000 },
      async () => {
        const { places } = await this.#clients.policies.googleSearch.execute(
          (inner) =>
            this.#clients.googlePlaces.searchText(
              {
                textQuery: place.name,
                locationBias: { center: place.location, radiusMeters: MATCH_RADIUS_M },
                pageSize: 5,
                languageCode: 'ko',
              },
              { signal: inner },
            ),
          signal,
        );
        const match = places.find(
          (g) =>
            haversineMeters(g.location, place.location) <= MATCH_RADIUS_M && similarNames(g.name, place.name),
        );
        return match
          ? {
              hours: match.openingHours,
              rating: match.rating,
              ratingCount: match.ratingCount,
              // Kakao has no accessibility data: the matched Google place's is the only one there is.
              wheelchairAccessible: match.wheelchairAccessible,
            }
          : {};
      },
    );
    return {
      ...place,
      ...(value.hours ? { openingHours: { ...value.hours, source: 'google' as const } } : {}),
      ...(place.rating === undefined && value.rating !== undefined
        ? { rating: value.rating, ratingCount: value.ratingCount }
        : {}),
      ...(place.wheelchairAccessible === undefined && value.wheelchairAccessible !== undefined
        ? { wheelchairAccessible: value.wheelchairAccessible }
        : {}),
    };
  }
}

/** Names match when one contains the other after dropping spaces, punctuation and case. */
export function similarNames(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
