import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import type { Place } from '../../../src/shared/domain/place.js';
import type { ProviderClients } from '../../../src/shared/places/ProviderClients.js';
import type { ProviderGeocoder } from '../../../src/shared/providers/geocoding/ProviderGeocoder.js';
import type { GooglePlacesClient } from '../../../src/shared/providers/google/GooglePlacesClient.js';
import type { GoogleRoutesClient } from '../../../src/shared/providers/google/GoogleRoutesClient.js';
import type { KakaoLocalClient } from '../../../src/shared/providers/kakao/KakaoLocalClient.js';
import type { KakaoMobilityClient } from '../../../src/shared/providers/kakao/KakaoMobilityClient.js';
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
 * ProviderClients whose upstreams are in-memory fakes, behind real policies without retries (so a
 * failure is one call) and a real cache. A method a test did not provide throws, loudly.
 */
export function fakeProviderClients(fakes: Readonly<FakeUpstreams>): {
  clients: ProviderClients;
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
  const policy = (name: string, provider: string) =>
    new ProviderPolicy({ name, provider, budgetMs: 1_000, maxRetries: 0 });
  const clients: ProviderClients = {
    kakaoEnabled: () => fakes.kakaoEnabled ?? true,
    googleEnabled: () => fakes.googleEnabled ?? true,
    kakaoLocal: record('kakaoLocal', fakes.kakaoLocal) as KakaoLocalClient,
    kakaoMobility: record('kakaoMobility', fakes.kakaoMobility) as KakaoMobilityClient,
    googlePlaces: record('googlePlaces', fakes.googlePlaces) as GooglePlacesClient,
    googleRoutes: record('googleRoutes', fakes.googleRoutes) as GoogleRoutesClient,
    geocoder: record('geocoder', undefined) as ProviderGeocoder,
    policies: {
      kakaoSearch: policy('kakao.search', 'kakao'),
      kakaoGeo: policy('kakao.geo', 'kakao'),
      kakaoDirections: policy('kakao.directions', 'kakao'),
      googleSearch: policy('google.search', 'google'),
      googleDetails: policy('google.details', 'google'),
      googleRoutes: policy('google.routes', 'google'),
      googleMatrix: policy('google.matrix', 'google'),
    },
  };
  const cache = new TieredCache({ l1MaxEntries: 100, l1TtlMs: 300_000, metrics: new Metrics() });
  return { clients, calls, cache };
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
