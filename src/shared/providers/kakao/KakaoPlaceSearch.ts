import type {
  PageRequest,
  PlaceQuery,
  PlaceSearchPage,
  PlaceSearchProvider,
} from '../PlaceSearchProvider.js';
import { WrappedProvider } from '../WrappedProvider.js';
import { kakaoQueryForCategory } from './kakaoCategories.js';
import type { KakaoLocalClient } from './KakaoLocalClient.js';

type Client = Pick<KakaoLocalClient, 'searchKeyword' | 'searchCategory'>;

/**
 * Kakao Local keyword and category search: Korea only, Korean names whatever the language, no
 * opening hours, numbered pages (at most 45 × 15 results).
 */
export class KakaoPlaceSearch extends WrappedProvider<Client> implements PlaceSearchProvider {
  readonly name = 'kakao';
  readonly region = 'KR' as const;
  readonly localized = false;
  readonly knowsHours = false;

  /** Numbered pages for both keyword and category search. */
  paging(): 'number' {
    return 'number';
  }

  async search(query: PlaceQuery, page: PageRequest, signal?: AbortSignal): Promise<PlaceSearchPage> {
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
    const result = await this.call(
      (client, inner) =>
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
