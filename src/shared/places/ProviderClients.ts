import type { AppConfig } from '../config/AppConfig.js';
import { ProviderGeocoder } from '../providers/geocoding/ProviderGeocoder.js';
import { GooglePlacesClient } from '../providers/google/GooglePlacesClient.js';
import { GoogleRoutesClient } from '../providers/google/GoogleRoutesClient.js';
import type { UpstreamDispatchers } from '../providers/http/upstreamDispatchers.js';
import { KakaoLocalClient } from '../providers/kakao/KakaoLocalClient.js';
import { KakaoMobilityClient } from '../providers/kakao/KakaoMobilityClient.js';
import { ProviderPolicy } from '../resilience/ProviderPolicy.js';

/** Each upstream client with its own resilience policy (DESIGN §6: one policy set per provider operation). */
export interface ProviderClients {
  kakaoEnabled(): boolean;
  googleEnabled(): boolean;
  kakaoLocal: KakaoLocalClient;
  kakaoMobility: KakaoMobilityClient;
  googlePlaces: GooglePlacesClient;
  googleRoutes: GoogleRoutesClient;
  geocoder: ProviderGeocoder;
  policies: {
    kakaoSearch: ProviderPolicy;
    kakaoGeo: ProviderPolicy;
    kakaoDirections: ProviderPolicy;
    googleSearch: ProviderPolicy;
    googleDetails: ProviderPolicy;
    googleRoutes: ProviderPolicy;
    googleMatrix: ProviderPolicy;
  };
}

export function createProviderClients(config: AppConfig, dispatchers: UpstreamDispatchers): ProviderClients {
  const p = config.providers;
  const kakaoKey = () => config.secrets.get('KAKAO_REST_API_KEY');
  const googleKey = () => config.secrets.get('GOOGLE_MAPS_API_KEY');
  const client = (baseUrl: string, apiKey: () => string | undefined, timeoutMs: number) => ({
    baseUrl,
    apiKey,
    dispatcher: dispatchers.forBaseUrl(baseUrl),
    timeoutMs,
  });
  const kakaoLocal = new KakaoLocalClient(client(p.kakaoLocalBaseUrl, kakaoKey, p.placeTimeoutMs));
  const googlePlaces = new GooglePlacesClient(client(p.googlePlacesBaseUrl, googleKey, p.placeTimeoutMs));
  const policy = (name: string, provider: string, budgetMs: number) =>
    new ProviderPolicy({ name, provider, budgetMs });
  return {
    kakaoEnabled: () => Boolean(kakaoKey()),
    googleEnabled: () => Boolean(googleKey()),
    kakaoLocal,
    kakaoMobility: new KakaoMobilityClient(client(p.kakaoMobilityBaseUrl, kakaoKey, p.routeTimeoutMs)),
    googlePlaces,
    googleRoutes: new GoogleRoutesClient(client(p.googleRoutesBaseUrl, googleKey, p.routeTimeoutMs)),
    geocoder: new ProviderGeocoder({ kakaoLocal, googlePlaces }),
    policies: {
      kakaoSearch: policy('kakao.search', 'kakao', p.placeTimeoutMs),
      kakaoGeo: policy('kakao.geo', 'kakao', p.placeTimeoutMs),
      kakaoDirections: policy('kakao.directions', 'kakao', p.routeTimeoutMs),
      googleSearch: policy('google.search', 'google', p.placeTimeoutMs),
      googleDetails: policy('google.details', 'google', p.placeTimeoutMs),
      googleRoutes: policy('google.routes', 'google', p.routeTimeoutMs),
      googleMatrix: policy('google.matrix', 'google', p.routeTimeoutMs),
    },
  };
}
