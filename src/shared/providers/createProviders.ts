import type { AppConfig } from '../config/AppConfig.js';
import { ProviderPolicy } from '../resilience/ProviderPolicy.js';
import { GoogleDirections, GoogleMatrix } from './google/GoogleDirections.js';
import { GoogleGeocoding } from './google/GoogleGeocoding.js';
import { GooglePlaceDetails } from './google/GooglePlaceDetails.js';
import { GooglePlacesClient } from './google/GooglePlacesClient.js';
import { GooglePlaceSearch } from './google/GooglePlaceSearch.js';
import { GoogleRoutesClient } from './google/GoogleRoutesClient.js';
import type { UpstreamDispatchers } from './http/upstreamDispatchers.js';
import { KakaoDirections } from './kakao/KakaoDirections.js';
import { KakaoGeocoding } from './kakao/KakaoGeocoding.js';
import { KakaoLocalClient } from './kakao/KakaoLocalClient.js';
import { KakaoMobilityClient } from './kakao/KakaoMobilityClient.js';
import { KakaoPlaceSearch } from './kakao/KakaoPlaceSearch.js';
import type { ProviderSet } from './ProviderSet.js';

/**
 * The Kakao and Google clients, each operation behind its own resilience policy (one breaker per
 * provider operation: docs/architecture.md#resilience), as capability ports.
 */
export function createProviders(config: AppConfig, dispatchers: UpstreamDispatchers): ProviderSet {
  const p = config.providers;
  const kakaoKey = () => config.secrets.get('KAKAO_REST_API_KEY');
  const googleKey = () => config.secrets.get('GOOGLE_MAPS_API_KEY');
  const kakao = () => Boolean(kakaoKey());
  const google = () => Boolean(googleKey());
  const client = (baseUrl: string, apiKey: () => string | undefined, timeoutMs: number) => ({
    baseUrl,
    apiKey,
    dispatcher: dispatchers.forBaseUrl(baseUrl),
    timeoutMs,
  });
  const kakaoLocal = new KakaoLocalClient(client(p.kakaoLocalBaseUrl, kakaoKey, p.placeTimeoutMs));
  const kakaoMobility = new KakaoMobilityClient(client(p.kakaoMobilityBaseUrl, kakaoKey, p.routeTimeoutMs));
  const googlePlaces = new GooglePlacesClient(client(p.googlePlacesBaseUrl, googleKey, p.placeTimeoutMs));
  const googleRoutes = new GoogleRoutesClient(client(p.googleRoutesBaseUrl, googleKey, p.routeTimeoutMs));

  const policies = new Map<string, ProviderPolicy>();
  const policy = (name: string, budgetMs: number) => {
    // Kakao and Google calls go through sendUpstreamRequest, which reports each try on the call's span.
    const built = new ProviderPolicy({ name, provider: name.split('.')[0]!, budgetMs, recordsHttp: true });
    policies.set(name, built);
    return built;
  };
  const googleSearch = policy('google.search', p.placeTimeoutMs);
  return {
    placeSearch: [
      new KakaoPlaceSearch({
        client: kakaoLocal,
        policy: policy('kakao.search', p.placeTimeoutMs),
        enabled: kakao,
      }),
      new GooglePlaceSearch({ client: googlePlaces, policy: googleSearch, enabled: google }),
    ],
    placeDetails: [
      new GooglePlaceDetails({
        client: googlePlaces,
        policy: policy('google.details', p.placeTimeoutMs),
        enabled: google,
      }),
    ],
    routes: [
      new KakaoDirections({
        client: kakaoMobility,
        policy: policy('kakao.directions', p.routeTimeoutMs),
        enabled: kakao,
      }),
      new GoogleDirections({
        client: googleRoutes,
        policy: policy('google.routes', p.routeTimeoutMs),
        enabled: google,
      }),
    ],
    matrix: [
      new GoogleMatrix({
        client: googleRoutes,
        policy: policy('google.matrix', p.routeTimeoutMs),
        enabled: google,
      }),
    ],
    geocoding: [
      new KakaoGeocoding({
        client: kakaoLocal,
        policy: policy('kakao.geo', p.placeTimeoutMs),
        enabled: kakao,
      }),
      // Geocoding outside Korea is a Places Text Search: it shares that operation's breaker.
      new GoogleGeocoding({ client: googlePlaces, policy: googleSearch, enabled: google }),
    ],
    policies,
  };
}
