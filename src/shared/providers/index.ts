/**
 * The provider clients and their normalized outputs: what the cache, resilience and routing layers
 * build on. Each client method is a plain async call that takes the caller's AbortSignal and throws
 * AppError (`provider` set) — or the signal's reason when the caller aborts.
 */
export { type GeocodeResult, type ReverseGeocodeResult } from './geocoding/GeocodeResult.js';
export {
  type GeocodeLocale,
  ProviderGeocoder,
  type ProviderGeocoderOptions,
} from './geocoding/ProviderGeocoder.js';
export { fromGoogleOpeningHours } from './google/fromGoogleOpeningHours.js';
export { fromGooglePlace } from './google/fromGooglePlace.js';
export { fromGoogleRouteMatrix } from './google/fromGoogleRouteMatrix.js';
export { fromGoogleRoutes } from './google/fromGoogleRoutes.js';
export { GOOGLE_NO_DIRECTIONS, isGoogleNoDirections } from './google/googleNoDirections.js';
export {
  GOOGLE_PLACES_DEFAULT_BASE_URL,
  type GoogleLocale,
  type GoogleNearbySearch,
  type GooglePlacePage,
  GooglePlacesClient,
  type GoogleTextSearch,
} from './google/GooglePlacesClient.js';
export {
  categoryFromGoogleTypes,
  googleIncludedTypeForCategory,
  googleTypesForCategory,
} from './google/googlePlaceTypes.js';
export {
  GOOGLE_ROUTES_DEFAULT_BASE_URL,
  type GoogleRouteMatrix,
  type GoogleRouteMatrixRequest,
  type GoogleRouteRequest,
  GoogleRoutesClient,
} from './google/GoogleRoutesClient.js';
export {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  type ProviderCallOptions,
  type ProviderClientOptions,
} from './http/ProviderClientOptions.js';
export type { ProviderName } from './http/ProviderName.js';
export {
  createUpstreamDispatchers,
  defaultUpstreamDispatchers,
  type UpstreamDispatchers,
  type UpstreamDispatchersOptions,
} from './http/upstreamDispatchers.js';
export { fromKakaoAddressDocument, fromKakaoRegionDocuments } from './kakao/fromKakaoAddress.js';
export { fromKakaoDirections } from './kakao/fromKakaoDirections.js';
export { fromKakaoDocument } from './kakao/fromKakaoDocument.js';
export {
  categoryFromKakao,
  type KakaoCategoryQuery,
  kakaoQueryForCategory,
} from './kakao/kakaoCategories.js';
export {
  KAKAO_LOCAL_DEFAULT_BASE_URL,
  type KakaoAddressPage,
  type KakaoAddressSearch,
  type KakaoCategorySearch,
  type KakaoKeywordSearch,
  KakaoLocalClient,
  type KakaoPlacePage,
} from './kakao/KakaoLocalClient.js';
export {
  KAKAO_MOBILITY_DEFAULT_BASE_URL,
  type KakaoDirectionsRequest,
  KakaoMobilityClient,
} from './kakao/KakaoMobilityClient.js';
