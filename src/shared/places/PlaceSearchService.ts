import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { CacheOutcome, TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { Place, Provider } from '../domain/place.js';
import { AppError, isAppError } from '../errors/AppError.js';
import {
  googleIncludedTypeForCategory,
  googleTypesForCategory,
} from '../providers/google/googlePlaceTypes.js';
import { kakaoQueryForCategory } from '../providers/kakao/kakaoCategories.js';
import type { PlaceSearchParams } from './placeSearchParams.js';
import type { ProviderClients } from './ProviderClients.js';
import type { SearchRecorder } from './SearchRecorder.js';

export interface PlaceSearchResult {
  places: Place[];
  provider: Provider;
  page: number;
  hasMore: boolean;
  cache: CacheOutcome;
}

interface CachedPage {
  places: Place[];
  hasMore: boolean;
  /** Google paging: the token for page + 1 (never sent to clients). */
  nextPageToken?: string;
}

const HANGUL = /[\u3131-\u318E\uAC00-\uD7A3]/;

/**
 * Place search across providers: an explicit `provider` wins; otherwise Kakao first in Korea (it knows
 * Korea best) and Google elsewhere. A failing provider (transient error, open breaker, no key) hands
 * over to the other one where it can answer; the cache serves a stale page before that.
 */
export interface PlaceSearchServiceOptions {
  clients: ProviderClients;
  cache: TieredCache;
  recorder?: SearchRecorder;
  /** Called with places fetched from an upstream (details keeps Kakao places, which it cannot fetch). */
  onFetched?: (places: readonly Place[]) => Promise<void>;
}

export class PlaceSearchService {
  readonly #clients: ProviderClients;
  readonly #cache: TieredCache;
  readonly #recorder?: SearchRecorder;
  readonly #onFetched?: (places: readonly Place[]) => Promise<void>;

  constructor(options: Readonly<PlaceSearchServiceOptions>) {
    this.#clients = options.clients;
    this.#cache = options.cache;
    this.#recorder = options.recorder;
    this.#onFetched = options.onFetched;
  }

  /** Providers to try, in order. */
  providersFor(params: PlaceSearchParams): Provider[] {
    const enabled = (p: Provider) =>
      p === 'kakao' ? this.#clients.kakaoEnabled() : this.#clients.googleEnabled();
    // An explicit provider that is not configured is "not configured" (503), not an upstream call
    // that fails for want of a key (502, counted by its breaker).
    if (params.provider) return [params.provider].filter(enabled);
    const korea =
      params.lat !== undefined && params.lng !== undefined
        ? isInKorea({ lat: params.lat, lng: params.lng })
        : params.region === 'KR' || HANGUL.test(params.query ?? '');
    // Kakao cannot filter by "open now" (it has no hours) and knows only Korea.
    const order: Provider[] = korea && !params.openNow ? ['kakao', 'google'] : ['google'];
    return order.filter(enabled);
  }

  async search(params: PlaceSearchParams, signal?: AbortSignal): Promise<PlaceSearchResult> {
    const providers = this.providersFor(params);
    if (providers.length === 0) {
      throw new AppError('upstream_unavailable', 'No provider can answer', {
        detail: params.provider
          ? `${params.provider} is not configured`
          : 'No map provider is configured for this area',
        transient: false,
      });
    }
    let lastError: unknown;
    for (const provider of providers) {
      try {
        const result = await this.#page(provider, params, params.page, signal);
        await this.#recorder?.record(params);
        return {
          places: result.value.places,
          provider,
          page: params.page,
          hasMore: result.value.hasMore,
          cache: result.cache,
        };
      } catch (error) {
        lastError = error;
        if (!canFallBack(error)) throw error;
      }
    }
    throw lastError;
  }

  /** The cache key of one page, as the warmer needs it. */
  keyFor(provider: Provider, params: PlaceSearchParams, page: number): string {
    const { provider: _p, page: _page, language, ...rest } = params;
    // Kakao has no language parameter: one entry serves every language.
    const keyed = provider === 'kakao' ? rest : { ...rest, language };
    return cacheKey('location', 'search', `${provider}-${queryHash({ ...keyed, page })}`);
  }

  async #page(provider: Provider, params: PlaceSearchParams, page: number, signal?: AbortSignal) {
    return this.#cache.getOrLoad<CachedPage>(this.keyFor(provider, params, page), this.#policy(params), () =>
      this.#load(provider, params, page, signal),
    );
  }

  #policy(params: PlaceSearchParams) {
    const ttl = (params.openNow ? CACHE_TTL_SECONDS.searchOpenNow : CACHE_TTL_SECONDS.search) * 1000;
    return {
      ttlMs: ttl,
      negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
      isEmpty: (v: CachedPage) => v.places.length === 0,
    };
  }

  #load(
    provider: Provider,
    params: PlaceSearchParams,
    page: number,
    signal?: AbortSignal,
  ): Promise<CachedPage> {
    return provider === 'kakao' ? this.#kakao(params, page, signal) : this.#google(params, page, signal);
  }

  /** How long the first provider's cached answer stays fresh (0 when not cached): warmers refresh ahead of expiry. */
  async freshness(
    params: PlaceSearchParams,
  ): Promise<{ provider?: Provider; cached: boolean; freshForMs: number }> {
    const provider = this.providersFor(params)[0];
    if (!provider) return { cached: false, freshForMs: 0 };
    return { provider, ...(await this.#cache.freshness(this.keyFor(provider, params, params.page))) };
  }

  /**
   * Fetch one page now and cache it, whatever is cached (first provider that answers). `allow` is
   * asked before each provider is called (the warmer's budget).
   */
  async refresh(
    params: PlaceSearchParams,
    signal?: AbortSignal,
    allow: () => Promise<boolean> = async () => true,
  ): Promise<{ provider: Provider; places: Place[] } | undefined> {
    let lastError: unknown = new AppError('upstream_unavailable', 'No provider can answer', {
      transient: false,
    });
    for (const provider of this.providersFor(params)) {
      if (!(await allow())) return undefined;
      try {
        const value = await this.#cache.refresh(
          this.keyFor(provider, params, params.page),
          this.#policy(params),
          () => this.#load(provider, params, params.page, signal),
        );
        return { provider, places: value.places };
      } catch (error) {
        lastError = error;
        if (!canFallBack(error)) throw error;
      }
    }
    throw lastError;
  }

  async #kakao(params: PlaceSearchParams, page: number, signal?: AbortSignal): Promise<CachedPage> {
    const { kakaoLocal, policies } = this.#clients;
    const center =
      params.lat !== undefined && params.lng !== undefined ? { lat: params.lat, lng: params.lng } : undefined;
    const byCategory = params.category ? kakaoQueryForCategory(params.category) : {};
    const query = [params.query, byCategory.keyword].filter(Boolean).join(' ');
    const paging = { page, size: params.size, sort: center ? ('distance' as const) : undefined };
    const area = center ? { center, radiusMeters: params.radius } : {};
    const result = await policies.kakaoSearch.execute(
      (inner) =>
        query
          ? kakaoLocal.searchKeyword(
              { query, categoryGroupCode: byCategory.categoryGroupCode, ...area, ...paging },
              { signal: inner },
            )
          : kakaoLocal.searchCategory(
              {
                categoryGroupCode: byCategory.categoryGroupCode!,
                center: center!,
                radiusMeters: params.radius,
                ...paging,
              },
              { signal: inner },
            ),
      signal,
    );
    await this.#onFetched?.(result.places);
    return { places: result.places, hasMore: result.hasMore };
  }

  async #google(params: PlaceSearchParams, page: number, signal?: AbortSignal): Promise<CachedPage> {
    const { googlePlaces, policies } = this.#clients;
    const locale = { languageCode: params.language, regionCode: params.region };
    const center =
      params.lat !== undefined && params.lng !== undefined ? { lat: params.lat, lng: params.lng } : undefined;
    if (!params.query) {
      // Category only: Nearby Search (one page of at most 20; no paging in the API).
      if (page > 1) return { places: [], hasMore: false };
      const result = await policies.googleSearch.execute(
        (inner) =>
          googlePlaces.searchNearby(
            {
              center: center!,
              radiusMeters: params.radius,
              includedTypes: googleTypesForCategory(params.category!),
              maxResultCount: params.size,
              rankPreference: 'POPULARITY',
              ...locale,
            },
            { signal: inner },
          ),
        signal,
      );
      return { places: result.places, hasMore: false };
    }
    // Text Search pages by token: page N needs the token that page N-1 returned (cached with it).
    let pageToken: string | undefined;
    if (page > 1) {
      const previous = await this.#page('google', params, page - 1, signal);
      if (!previous.value.nextPageToken) return { places: [], hasMore: false };
      pageToken = previous.value.nextPageToken;
    }
    const result = await policies.googleSearch.execute(
      (inner) =>
        googlePlaces.searchText(
          {
            textQuery: params.query!,
            includedType: params.category ? googleIncludedTypeForCategory(params.category) : undefined,
            openNow: params.openNow,
            locationBias: center ? { center, radiusMeters: params.radius } : undefined,
            pageSize: params.size,
            pageToken,
            ...locale,
          },
          { signal: inner },
        ),
      signal,
    );
    return {
      places: result.places,
      hasMore: Boolean(result.nextPageToken),
      nextPageToken: result.nextPageToken,
    };
  }
}

/**
 * Another provider is worth asking when this one failed transiently, or rejected our key or request
 * (misconfigured on our side: the caller's query may still be answerable elsewhere).
 */
function canFallBack(error: unknown): boolean {
  return isAppError(error) && (error.transient || error.code === 'upstream_rejected');
}
