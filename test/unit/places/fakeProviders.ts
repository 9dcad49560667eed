import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { Place } from '../../../src/shared/domain/place.js';
import { GoogleDirections, GoogleMatrix } from '../../../src/shared/providers/google/GoogleDirections.js';
import { GoogleGeocoding } from '../../../src/shared/providers/google/GoogleGeocoding.js';
import { GooglePlaceDetails } from '../../../src/shared/providers/google/GooglePlaceDetails.js';
import type { GooglePlacesClient } from '../../../src/shared/providers/google/GooglePlacesClient.js';
import { GooglePlaceSearch } from '../../../src/shared/providers/google/GooglePlaceSearch.js';
import type { GoogleRoutesClient } from '../../../src/shared/providers/google/GoogleRoutesClient.js';
import { KakaoDirections } from '../../../src/shared/providers/kakao/KakaoDirections.js';
import { KakaoGeocoding } from '../../../src/shared/providers/kakao/KakaoGeocoding.js';
import type { KakaoLocalClient } from '../../../src/shared/providers/kakao/KakaoLocalClient.js';
import type { KakaoMobilityClient } from '../../../src/shared/providers/kakao/KakaoMobilityClient.js';
import { KakaoPlaceSearch } from '../../../src/shared/providers/kakao/KakaoPlaceSearch.js';
import type { ProviderSet } from '../../../src/shared/providers/ProviderSet.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';

/** The client methods the place services call; each fake implements the ones a test needs. */
export interface FakeUpstreams {
  kakaoEnabled?: boolean;
  googleEnabled?: boolean;
  kakaoLocal?: Partial<Pick<KakaoLocalClient, 'searchKeyword' | 'searchCategory'>>;
  kakaoMobility?: Partial<Pick<KakaoMobilityClient, 'directions'>>;
  googlePlaces?: Partial<Pick<GooglePlacesClient, 'searchText' | 'searchNearby' | 'getPlace'>>;
  googleRoutes?: Partial<Pick<GoogleRoutesClient, 'computeRoute' | 'computeRouteMatrix'>>;
}

/** Calls a fake received, by method name. */
export type CallLog = Record<string, unknown[][]>;

/**
 * The real Kakao and Google providers over in-memory fake clients, behind real policies without
 * retries (so a failure is one call), and a real cache. A method a test did not provide throws, loudly.
 */
export function fakeProviders(fakes: Readonly<FakeUpstreams>): {
  providers: ProviderSet;
  calls: CallLog;
  cache: TieredCache;
} {
  const calls: CallLog = {};
  const record = <T extends object>(name: string, fake: T | undefined): T =>
    new Proxy({} as T, {
      get(_target, method: string) {
        return async (...args: unknown[]) => {
          const key = `${name}.${method}`;
          (calls[key] ??= []).push(args);
          const fn = (
            fake as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined> | undefined
          )?.[method];
          if (!fn) throw new Error(`${key} was not expected in this test`);
          return fn(...args);
        };
      },
    });
  const policies = new Map<string, ProviderPolicy>();
  const policy = (name: string) => {
    const built = new ProviderPolicy({ name, provider: name.split('.')[0]!, budgetMs: 1_000, maxRetries: 0 });
    policies.set(name, built);
    return built;
  };
  const kakao = () => fakes.kakaoEnabled ?? true;
  const google = () => fakes.googleEnabled ?? true;
  const kakaoLocal = record('kakaoLocal', fakes.kakaoLocal) as KakaoLocalClient;
  const kakaoMobility = record('kakaoMobility', fakes.kakaoMobility) as KakaoMobilityClient;
  const googlePlaces = record('googlePlaces', fakes.googlePlaces) as GooglePlacesClient;
  const googleRoutes = record('googleRoutes', fakes.googleRoutes) as GoogleRoutesClient;
  const googleSearch = policy('google.search');
  const providers: ProviderSet = {
    placeSearch: [
      new KakaoPlaceSearch({ client: kakaoLocal, policy: policy('kakao.search'), enabled: kakao }),
      new GooglePlaceSearch({ client: googlePlaces, policy: googleSearch, enabled: google }),
    ],
    placeDetails: [
      new GooglePlaceDetails({ client: googlePlaces, policy: policy('google.details'), enabled: google }),
    ],
    routes: [
      new KakaoDirections({ client: kakaoMobility, policy: policy('kakao.directions'), enabled: kakao }),
      new GoogleDirections({ client: googleRoutes, policy: policy('google.routes'), enabled: google }),
    ],
    matrix: [new GoogleMatrix({ client: googleRoutes, policy: policy('google.matrix'), enabled: google })],
    geocoding: [
      new KakaoGeocoding({ client: kakaoLocal, policy: policy('kakao.geo'), enabled: kakao }),
      new GoogleGeocoding({ client: googlePlaces, policy: googleSearch, enabled: google }),
    ],
    policies,
  };
  const cache = new TieredCache({ l1MaxEntries: 100, l1TtlMs: 300_000, metrics: new Metrics() });
  return { providers, calls, cache };
}

/** How many times a fake method was called. */
export const callCount = (calls: CallLog, method: string): number => calls[method]?.length ?? 0;

/** A minimal valid place. */
export function samplePlace(provider: 'kakao' | 'google', id: string, overrides: Partial<Place> = {}): Place {
  return {
    id: `${provider}:${id}`,
    provider,
    name: `place ${id}`,
    category: 'attraction',
    categories: [],
    location: { lat: 37.5796, lng: 126.977 },
    address: 'Seoul',
    ...overrides,
  };
}
