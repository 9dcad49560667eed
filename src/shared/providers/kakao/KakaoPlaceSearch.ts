import type { MapProvider } from '../MapProvider.js';
import type {
  PageRequest,
  PlaceQuery,
  PlaceSearchPage,
  PlaceSearchPaging,
  PlaceSearchProvider,
} from '../PlaceSearchProvider.js';
import type { WrappedClientOptions } from '../WrappedClient.js';
import { kakaoQueryForCategory } from './kakaoCategories.js';
import type { KakaoLocalClient } from './KakaoLocalClient.js';

type Client = Pick<KakaoLocalClient, 'searchKeyword' | 'searchCategory'>;

/**
 * Kakao Local keyword and category search: Korea only, Korean names whatever the language, no
 * opening hours, numbered pages (at most 45 × 15 results).
 */
export class KakaoPlaceSearch implements PlaceSearchProvider {
  readonly name = 'kakao';
  readonly region: MapProvider['region'] = 'KR';
  readonly localized = false;
  readonly knowsHours = false;
  readonly #options: WrappedClientOptions<Client>;

  constructor(options: Readonly<WrappedClientOptions<Client>>) {
    this.#options = options;
  }

  enabled(): boolean {
    return this.#options.enabled();
  }

  /** Numbered pages for both keyword and category search. */
  paging(): PlaceSearchPaging {
    return 'number';
  }

  async search(query: PlaceQuery, page: PageRequest, signal?: AbortSignal): Promise<PlaceSearchPage> {
    const { client, policy } = this.#options;
    const byCategory = query.category ? kakaoQueryForCategory(query.category) : {};
    const text = [query.kind === 'text' ? query.text : undefined, byCategory.keyword]
      .filter(Boolean)
      .join(' ');
    const paging = {
      page: page.page,
      size: query.size,
      sort: query.center ? ('distance' as const) : undefined,
    };
    const area = query.center ? { center: query.center, radiusMeters: query.radius } : {};
    const result = await policy.execute(
      (inner) =>
        // A category Kakao has no group code for is searched as its keyword.
        text || !byCategory.categoryGroupCode || query.kind === 'text'
          ? client.searchKeyword(
              { query: text, categoryGroupCode: byCategory.categoryGroupCode, ...area, ...paging },
              { signal: inner },
            )
          : client.searchCategory(
              {
                categoryGroupCode: byCategory.categoryGroupCode,
                center: query.center,
                radiusMeters: query.radius,
                ...paging,
              },
              { signal: inner },
            ),
      signal,
    );
    return { places: result.places, hasMore: result.hasMore };
  }
}
