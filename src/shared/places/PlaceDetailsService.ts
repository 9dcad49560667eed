import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { CacheOutcome, TieredCache } from '../cache/TieredCache.js';
import { parsePlaceId, type Place } from '../domain/place.js';
import { AppError } from '../errors/AppError.js';
import type { PlaceDetailsProvider } from '../providers/PlaceDetailsProvider.js';
import type { HoursMatcher } from './HoursMatcher.js';
import { notConfigured } from './notConfigured.js';

/**
 * Place details by our id. Ids of a provider with a details API (Google) go to it, cached 2 h per
 * language. A provider without one (Kakao): its places are remembered from searches (same TTL) and
 * get their hours matched by the {@link HoursMatcher}; an id never seen in a search is not found.
 */
export class PlaceDetailsService {
  readonly #providers: readonly PlaceDetailsProvider[];
  readonly #cache: TieredCache;
  readonly #hours: HoursMatcher;

  constructor(providers: readonly PlaceDetailsProvider[], cache: TieredCache, hours: HoursMatcher) {
    this.#providers = providers;
    this.#cache = cache;
    this.#hours = hours;
  }

  async get(
    id: string,
    language: string,
    signal?: AbortSignal,
  ): Promise<{ place: Place; cache: CacheOutcome }> {
    const parsed = parsePlaceId(id);
    if (!parsed) {
      throw new AppError('validation_failed', 'Bad place id', {
        errors: [{ path: 'params.id', message: 'expected kakao:<id> or google:<id>' }],
      });
    }
    const provider = this.#providers.find((p) => p.name === parsed.provider);
    if (provider) {
      if (!provider.enabled()) throw notConfigured(`${provider.name} is not configured`);
      const result = await this.#cache.getOrLoad<Place>(
        cacheKey('location', 'place', `${id}-${language}`),
        { ttlMs: CACHE_TTL_SECONDS.placeDetails * 1000 },
        () => provider.details(parsed.providerId, language, signal),
      );
      return { place: result.value, cache: result.cache };
    }
    // Nothing to load: such a place is known only from searches, kept as long as the cache keeps it.
    const remembered = await this.#cache.peek<Place>(cacheKey('location', 'place', id));
    if (!remembered) {
      throw new AppError('not_found', 'Place not found', {
        detail: `${capitalize(parsed.provider)} has no place-details API; ${id} was not seen in a recent search`,
      });
    }
    return { place: await this.#hours.enrich(remembered, signal).catch(() => remembered), cache: 'hit' };
  }

  /** Forget cached details so the next `get` asks the provider (the verifier re-reads upcoming places). */
  async invalidate(id: string, language: string): Promise<void> {
    await this.#cache.invalidate(cacheKey('location', 'place', `${id}-${language}`));
  }

  /** Keep places of providers without a details API from a search, so their details can be served. */
  async remember(places: readonly Place[]): Promise<void> {
    await Promise.all(
      places
        .filter((place) => !this.#providers.some((p) => p.name === place.provider))
        .map((p) =>
          this.#cache.set(cacheKey('location', 'place', p.id), p, CACHE_TTL_SECONDS.placeDetails * 1000),
        ),
    );
  }
}

const capitalize = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
