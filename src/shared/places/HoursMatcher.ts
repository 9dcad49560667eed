import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { TieredCache } from '../cache/TieredCache.js';
import { haversineMeters } from '../domain/geo.js';
import type { OpeningHours, Place } from '../domain/place.js';
import type { PlaceSearchProvider } from '../providers/PlaceSearchProvider.js';

/** What a Kakao place borrows from its Google twin. */
export interface GoogleMatch {
  /** Our id of the matched Google place (`google:ChIJ…`). */
  googleId?: string;
  hours?: OpeningHours;
  rating?: number;
  ratingCount?: number;
  wheelchairAccessible?: boolean;
}

/** A Google place counts as the same place within this distance and with a similar name. */
const MATCH_RADIUS_M = 250;

/**
 * Kakao Local has no opening hours. When a provider that knows hours (Google) is configured, such a
 * place borrows the hours (and rating) of that provider's place with a similar name within 250 m;
 * without a match its hours stay unknown — unknown is a risk for the planner, never "always open".
 * Kakao names are Korean, so the match is asked for in Korean. Cached for the opening-hours TTL.
 */
export class HoursMatcher {
  readonly #providers: readonly PlaceSearchProvider[];
  readonly #cache: TieredCache;

  constructor(providers: readonly PlaceSearchProvider[], cache: TieredCache) {
    this.#providers = providers;
    this.#cache = cache;
  }

  /** Forget the matched hours of a Kakao place (the verifier re-reads them). */
  async invalidate(placeId: string): Promise<void> {
    await this.#cache.invalidate(cacheKey('location', 'hours', placeId));
  }

  /**
   * The place matched to a Kakao place by a provider that knows hours (Google): its id, hours and
   * rating; `{}` without a match. Cached for the opening-hours TTL. Localization reuses the id to read
   * the place's names in other languages from Google.
   */
  async match(place: Place, signal?: AbortSignal): Promise<GoogleMatch> {
    if (this.#knowsHours(place)) return {};
    const source = this.#hoursSource();
    if (!source) return {};
    const { value } = await this.#cache.getOrLoad<GoogleMatch>(
      cacheKey('location', 'hours', place.id),
      { ttlMs: CACHE_TTL_SECONDS.openingHours * 1000 },
      async () => {
        const { places } = await source.search(
          {
            kind: 'text',
            text: place.name,
            center: place.location,
            radius: MATCH_RADIUS_M,
            size: 5,
            language: 'ko',
          },
          { page: 1 },
          signal,
        );
        const match = places.find(
          (g) =>
            haversineMeters(g.location, place.location) <= MATCH_RADIUS_M && similarNames(g.name, place.name),
        );
        return match
          ? {
              googleId: match.id,
              hours: match.openingHours,
              rating: match.rating,
              ratingCount: match.ratingCount,
              // Kakao has no accessibility data: the matched Google place's is the only one there is.
              wheelchairAccessible: match.wheelchairAccessible,
            }
          : {};
      },
    );
    return value;
  }

  async enrich(place: Place, signal?: AbortSignal): Promise<Place> {
    if (place.openingHours || this.#knowsHours(place)) return place;
    const source = this.#hoursSource();
    if (!source) return place;
    const value = await this.match(place, signal);
    return {
      ...place,
      ...(value.hours ? { openingHours: { ...value.hours, source: source.name } } : {}),
      ...(place.rating === undefined && value.rating !== undefined
        ? { rating: value.rating, ratingCount: value.ratingCount }
        : {}),
      ...(place.wheelchairAccessible === undefined && value.wheelchairAccessible !== undefined
        ? { wheelchairAccessible: value.wheelchairAccessible }
        : {}),
    };
  }

  #hoursSource(): PlaceSearchProvider | undefined {
    return this.#providers.find((p) => p.knowsHours && p.enabled());
  }

  /** Places of a provider that reports hours already have them, or have none. */
  #knowsHours(place: Place): boolean {
    return this.#providers.some((p) => p.name === place.provider && p.knowsHours);
  }
}

/** Names match when one contains the other after dropping spaces, punctuation and case. */
export function similarNames(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}
