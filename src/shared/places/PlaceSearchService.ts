import { CACHE_TTL_SECONDS, cacheKey, queryHash } from '../cache/cacheKeys.js';
import type { CacheOutcome, TieredCache } from '../cache/TieredCache.js';
import { isInKorea } from '../domain/geo.js';
import type { Place, Provider } from '../domain/place.js';
import { providersForArea } from '../providers/MapProvider.js';
import type { PlaceQuery, PlaceSearchPage, PlaceSearchProvider } from '../providers/PlaceSearchProvider.js';
import { canFallBack } from './canFallBack.js';
import { notConfigured } from './notConfigured.js';
import type { PlaceSearchParams } from './placeSearchParams.js';
import type { SearchRecorder } from './SearchRecorder.js';
import { toPlaceQuery } from './toPlaceQuery.js';

export interface PlaceSearchResult {
  places: Place[];
  provider: Provider;
  page: number;
  hasMore: boolean;
  cache: CacheOutcome;
}

const HANGUL = /[\u3131-\u318E\uAC00-\uD7A3]/;

export interface PlaceSearchServiceOptions {
  providers: readonly PlaceSearchProvider[];
  cache: TieredCache;
  recorder?: SearchRecorder;
  /** Called with places fetched from an upstream (details keeps places it cannot fetch itself). */
  onFetched?: (places: readonly Place[]) => Promise<void>;
}

/**
 * Place search across providers: an explicit `provider` wins; otherwise the area decides (the Korean
 * specialist first in Korea, the global provider elsewhere), and "open now" needs a provider that
 * knows hours. A failing provider (transient error, open breaker, rejected key) hands over to the
 * next one; the cache serves a stale page before that.
 */
export class PlaceSearchService {
  readonly #providers: readonly PlaceSearchProvider[];
  readonly #cache: TieredCache;
  readonly #recorder?: SearchRecorder;
  readonly #onFetched?: (places: readonly Place[]) => Promise<void>;
  /** Cache keys of frozen (reused) parameter objects, by provider and page. */
  readonly #keys = new WeakMap<PlaceSearchParams, Map<string, string>>();

  constructor(options: Readonly<PlaceSearchServiceOptions>) {
    this.#providers = options.providers;
    this.#cache = options.cache;
    this.#recorder = options.recorder;
    this.#onFetched = options.onFetched;
  }

  /** Providers to try, in order. */
  providersFor(params: PlaceSearchParams): Provider[] {
    return this.#candidates(params).map((p) => p.name);
  }

  #candidates(params: PlaceSearchParams): PlaceSearchProvider[] {
    // An explicit provider that is not configured is "not configured" (503), not an upstream call
    // that fails for want of a key (502, counted by its breaker).
    if (params.provider) return this.#providers.filter((p) => p.name === params.provider && p.enabled());
    const korea =
      params.lat !== undefined && params.lng !== undefined
        ? isInKorea({ lat: params.lat, lng: params.lng })
        : params.region === 'KR' || HANGUL.test(params.query ?? '');
    const able = this.#providers.filter((p) => !params.openNow || p.knowsHours);
    return providersForArea(able, korea);
  }

  async search(params: PlaceSearchParams, signal?: AbortSignal): Promise<PlaceSearchResult> {
    const providers = this.#candidates(params);
    if (providers.length === 0) {
      throw notConfigured(
        params.provider
          ? `${params.provider} is not configured`
          : 'No map provider is configured for this area',
      );
    }
    const query = toPlaceQuery(params);
    let lastError: unknown;
    for (const provider of providers) {
      try {
        const result = await this.#page(provider, params, query, params.page, signal);
        this.#recorder?.record(params);
        return {
          places: result.value.places,
          provider: provider.name,
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
    // Parsed queries are reused (frozen) across requests for the same URL: their keys are remembered.
    const memo = Object.isFrozen(params) ? this.#keys.get(params) : undefined;
    const variant = `${provider} ${page}`;
    const known = memo?.get(variant);
    if (known) return known;
    const key = this.#key(provider, params, page);
    if (Object.isFrozen(params)) {
      if (memo) memo.set(variant, key);
      else this.#keys.set(params, new Map([[variant, key]]));
    }
    return key;
  }

  #key(provider: Provider, params: PlaceSearchParams, page: number): string {
    const { provider: _p, page: _page, language, ...rest } = params;
    // A provider that answers in one language whatever is asked: one entry serves every language.
    const localized = this.#providers.find((p) => p.name === provider)?.localized ?? true;
    const keyed = localized ? { ...rest, language } : rest;
    return cacheKey('location', 'search', `${provider}-${queryHash({ ...keyed, page })}`);
  }

  /** Not `async`: it hands on the cache's promise as it is (an async frame would add one per search). */
  #page(
    provider: PlaceSearchProvider,
    params: PlaceSearchParams,
    query: PlaceQuery,
    page: number,
    signal?: AbortSignal,
  ) {
    return this.#cache.getOrLoad<PlaceSearchPage>(
      this.keyFor(provider.name, params, page),
      this.#policy(params),
      () => this.#load(provider, params, query, page, signal),
    );
  }

  #policy(params: PlaceSearchParams) {
    const ttl = (params.openNow ? CACHE_TTL_SECONDS.searchOpenNow : CACHE_TTL_SECONDS.search) * 1000;
    return {
      ttlMs: ttl,
      negativeTtlMs: CACHE_TTL_SECONDS.negative * 1000,
      isEmpty: (v: PlaceSearchPage) => v.places.length === 0,
    };
  }

  async #load(
    provider: PlaceSearchProvider,
    params: PlaceSearchParams,
    query: PlaceQuery,
    page: number,
    signal?: AbortSignal,
  ): Promise<PlaceSearchPage> {
    const paging = provider.paging(query);
    if (paging === 'none' && page > 1) return { places: [], hasMore: false };
    // Cursor paging: page N needs the cursor page N-1 returned, which is cached with it.
    let cursor: string | undefined;
    if (paging === 'cursor' && page > 1) {
      const previous = await this.#page(provider, params, query, page - 1, signal);
      if (!previous.value.nextCursor) return { places: [], hasMore: false };
      cursor = previous.value.nextCursor;
    }
    const result = await provider.search(query, { page, cursor }, signal);
    await this.#onFetched?.(result.places);
    return result;
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
    let lastError: unknown = notConfigured('No map provider is configured for this area');
    const query = toPlaceQuery(params);
    for (const provider of this.#candidates(params)) {
      if (!(await allow())) return undefined;
      try {
        const value = await this.#cache.refresh(
          this.keyFor(provider.name, params, params.page),
          this.#policy(params),
          () => this.#load(provider, params, query, params.page, signal),
        );
        return { provider: provider.name, places: value.places };
      } catch (error) {
        lastError = error;
        if (!canFallBack(error)) throw error;
      }
    }
    throw lastError;
  }
}
