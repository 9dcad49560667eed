import type { LatLng, Place, PlaceCategory } from '../domain/place.js';
import type { MapProvider } from './MapProvider.js';

interface PlaceQueryCommon {
  category?: PlaceCategory;
  /** Metres around `center`: a hard area for nearby search, a bias for text search. */
  radius: number;
  language: string;
  region?: string;
  size: number;
  openNow?: boolean;
}

/** Free text, optionally near a point. */
export interface TextPlaceQuery extends PlaceQueryCommon {
  kind: 'text';
  text: string;
  center?: LatLng;
}

/** Everything of a category around a point (no text). */
export interface NearbyPlaceQuery extends PlaceQueryCommon {
  kind: 'nearby';
  category: PlaceCategory;
  center: LatLng;
}

/** A place search as providers receive it: the rules the request schema enforces, in the type. */
export type PlaceQuery = TextPlaceQuery | NearbyPlaceQuery;

/** Which page to fetch: cursor-paged providers need the cursor the previous page returned. */
export interface PageRequest {
  page: number;
  cursor?: string;
}

export interface PlaceSearchPage {
  places: Place[];
  hasMore: boolean;
  /** Cursor-paged providers: what fetches page + 1 (kept server-side, never sent to clients). */
  nextCursor?: string;
}

export type PlaceSearchPaging = 'number' | 'cursor' | 'none';

/** Place search (text and nearby), already behind its resilience policy. */
export interface PlaceSearchProvider extends MapProvider {
  /** Answers in the requested language (Kakao answers in Korean whatever is asked). */
  readonly localized: boolean;
  /** Returns opening hours and can filter by "open now". */
  readonly knowsHours: boolean;
  /**
   * How `query`'s results page: `number`, any page directly; `cursor`, page N needs page N-1's
   * `nextCursor`; `none`, one page only (there is no page 2).
   */
  paging(query: PlaceQuery): PlaceSearchPaging;
  search(query: PlaceQuery, page: PageRequest, signal?: AbortSignal): Promise<PlaceSearchPage>;
}
