import { afterAll, beforeAll, beforeEach } from 'vitest';

import {
  type RunningSandbox,
  startSandbox,
  type StartSandboxOptions,
} from '../../../src/local/sandbox/startSandbox.js';
import { GooglePlacesClient } from '../../../src/shared/providers/google/GooglePlacesClient.js';
import { GoogleRoutesClient } from '../../../src/shared/providers/google/GoogleRoutesClient.js';
import {
  createUpstreamDispatchers,
  type UpstreamDispatchers,
} from '../../../src/shared/providers/http/upstreamDispatchers.js';
import { KakaoLocalClient } from '../../../src/shared/providers/kakao/KakaoLocalClient.js';
import { KakaoMobilityClient } from '../../../src/shared/providers/kakao/KakaoMobilityClient.js';

export interface SandboxClients {
  sandbox: RunningSandbox;
  kakaoLocal: KakaoLocalClient;
  kakaoMobility: KakaoMobilityClient;
  googlePlaces: GooglePlacesClient;
  googleRoutes: GoogleRoutesClient;
  /** Clients of any kind with other options (a wrong key, a short timeout) on the same pools. */
  options(
    overrides?: Partial<{ apiKey: () => string | undefined; timeoutMs: number }>,
    which?: 'kakao' | 'google',
  ): {
    baseUrl: string;
    apiKey: () => string | undefined;
    dispatcher: ReturnType<UpstreamDispatchers['forBaseUrl']>;
    timeoutMs: number;
  };
}

/**
 * One sandbox on a random port per test file, with clients wired to it through real keep-alive
 * pools; faults, counters and place patches are reset before each test.
 */
export function useSandbox(sandboxOptions: Readonly<StartSandboxOptions> = {}): SandboxClients {
  const clients = {} as SandboxClients;
  let dispatchers: UpstreamDispatchers;

  beforeAll(async () => {
    const sandbox = await startSandbox(sandboxOptions);
    dispatchers = createUpstreamDispatchers();
    const base = (which: 'kakao' | 'google' = 'kakao') => ({
      baseUrl: sandbox.url,
      apiKey: () => (which === 'kakao' ? sandbox.kakaoKey : sandbox.googleKey),
      dispatcher: dispatchers.forBaseUrl(sandbox.url),
      timeoutMs: 2_000,
    });
    const optionsFor: SandboxClients['options'] = (overrides = {}, which = 'kakao') => ({
      ...base(which),
      ...overrides,
    });
    Object.assign(clients, {
      sandbox,
      kakaoLocal: new KakaoLocalClient(base('kakao')),
      kakaoMobility: new KakaoMobilityClient(base('kakao')),
      googlePlaces: new GooglePlacesClient(base('google')),
      googleRoutes: new GoogleRoutesClient(base('google')),
      options: optionsFor,
    });
  });

  beforeEach(async () => {
    clients.sandbox.faults.clear();
    clients.sandbox.stats.reset();
    clients.sandbox.places.reset();
  });

  afterAll(async () => {
    await dispatchers?.close();
    await clients.sandbox?.close();
  });

  return clients;
}

/** Famous sample places used across the tests (ids from `data/sources/*.txt`). */
export const PLACES = {
  gyeongbokgung: { kakaoId: '90010001', location: { lat: 37.5796, lng: 126.977 } },
  nSeoulTower: { kakaoId: '90010023', location: { lat: 37.5512, lng: 126.9882 } },
  nationalMuseum: { kakaoId: '90010007' },
  jogyesa: { kakaoId: '90010019' },
  jinokhwa: { kakaoId: '90010051' },
  bukchon: { kakaoId: '90010017' },
  rakkojae: { kakaoId: '90010078' },
  sensoji: { kakaoId: '90040001', location: { lat: 35.7148, lng: 139.7967 } },
  tokyoTower: { kakaoId: '90040003', location: { lat: 35.6586, lng: 139.7454 } },
  tokyoSkytree: { kakaoId: '90040004', location: { lat: 35.7101, lng: 139.8107 } },
  haeundae: { kakaoId: '90020001', location: { lat: 35.1587, lng: 129.1604 } },
} as const;
