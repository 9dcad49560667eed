import { CACHE_TTL_SECONDS, cacheKey } from '../cache/cacheKeys.js';
import type { CacheOutcome, TieredCache } from '../cache/TieredCache.js';
import { parsePlaceId, type Place } from '../domain/place.js';
import { AppError } from '../errors/AppError.js';
import type { HoursMatcher } from './HoursMatcher.js';
import type { ProviderClients } from './ProviderClients.js';

/**
 * Place details by our id. Google ids go to Place Details (cached 2 h per language). Kakao has no
 * details API: Kakao places are remembered from searches (same TTL) and get their hours matched
 * from Google; an id never seen in a search is not found.
 */
export class PlaceDetailsService {
  readonly #clients: ProviderClients;
  readonly #cache: TieredCache;
  readonly #hours: HoursMatcher;

  constructor(clients: ProviderClients, cache: TieredCache, hours: HoursMatcher) {
    this.#clients = clients;
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
    if (parsed.provider === 'google') {
      if (!this.#clients.googleEnabled()) throw notConfigured('google');
      const result = await this.#cache.getOrLoad<Place>(
        cacheKey('location', 'place', `${id}-${language}`),
        { ttlMs: CACHE_TTL_SECONDS.placeDetails * 1000 },
        () =>
          this.#clients.policies.googleDetails.execute(
            (inner) =>
              this.#clients.googlePlaces.getPlace(
                parsed.providerId,
                { languageCode: language },
                { signal: inner },
              ),
            signal,
          ),
      );
      return { place: result.value, cache: result.cache };
    }
    // Nothing to load: a Kakao place is known only from searches, kept as long as the cache keeps it.
    const remembered = await this.#cache.peek<Place>(cacheKey('location', 'place', id));
    if (!remembered) {
      throw new AppError('not_found', 'Place not found', {
        detail: `Kakao has no place-details API; ${id} was not seen in a recent search`,
      });
    }
    return { place: await this.#hours.enrich(remembered, signal).catch(() => remembered), cache: 'hit' };
  }

  /** Forget cached details so the next `get` asks the provider (the verifier re-reads upcoming places). */
  async invalidate(id: string, language: string): Promise<void> {
    await this.#cache.invalidate(cacheKey('location', 'place', `${id}-${language}`));
  }

  /** Keep Kakao places from a search so their details can be served (write-through). */
  async remember(places: readonly Place[]): Promise<void> {
    await Promise.all(
      places
        .filter((p) => p.provider === 'kakao')
        .map((p) =>
          this.#cache.set(cacheKey('location', 'place', p.id), p, CACHE_TTL_SECONDS.placeDetails * 1000),
        ),
    );
  }
}

function notConfigured(provider: string): AppError {
  return new AppError('upstream_unavailable', `${provider} not configured`, {
    detail: `${provider} is not configured`,
    transient: false,
  });
}
