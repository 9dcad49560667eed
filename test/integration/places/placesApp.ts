import { afterAll, beforeAll, beforeEach, expect } from 'vitest';

import { type LocalApp, type LocalAppOptions, startLocalApp } from '../../support/localApp.js';

/** Upstream paths as the sandbox counts them (`sandbox.stats.byPath()`). */
export const UPSTREAM = {
  kakaoKeyword: '/v2/local/search/keyword.json',
  kakaoCategory: '/v2/local/search/category.json',
  kakaoAddress: '/v2/local/search/address.json',
  kakaoRegion: '/v2/local/geo/coord2regioncode.json',
  kakaoDirections: '/v1/directions',
  googleText: '/v1/places:searchText',
  googleNearby: '/v1/places:searchNearby',
  googleDetails: '/v1/places/{id}',
  googleRoutes: '/directions/v2:computeRoutes',
  googleMatrix: '/distanceMatrix/v2:computeRouteMatrix',
} as const;

export interface JsonResponse {
  status: number;
  headers: Headers;
  // Tests read arbitrary fields of the answer; each test asserts the shape it relies on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** Wall time of the exchange, ms. */
  ms: number;
}

export interface PlacesApp {
  /** The running local app (set in `beforeAll`). */
  readonly local: LocalApp;
  /** GET (or `init`) as user `places-tester`, body parsed as JSON. */
  request(pathAndQuery: string, init?: RequestInit): Promise<JsonResponse>;
  /** Upstream requests the sandbox received for one path since the test began. */
  calls(path: string): number;
}

/**
 * One local app (host + AppContext + sandbox over HTTP) for a test file, with the sandbox's faults,
 * counters and place patches cleared before every test. The app (and its cache and breakers) lives
 * for the whole file, so each test uses parameters no other test in its file uses.
 */
export function usePlacesApp(options: LocalAppOptions = {}): PlacesApp {
  let local: LocalApp | undefined;
  beforeAll(async () => {
    local = await startLocalApp(options);
  });
  afterAll(async () => {
    await local?.stop();
  });
  beforeEach(() => {
    local!.sandbox.faults.clear();
    local!.sandbox.stats.reset();
    local!.sandbox.places.reset();
  });
  return {
    get local() {
      if (!local) throw new Error('the local app is not started yet');
      return local;
    },
    async request(pathAndQuery, init) {
      const started = performance.now();
      const response = await local!.call('places-tester', pathAndQuery, init);
      const text = await response.text();
      const ms = performance.now() - started;
      return {
        status: response.status,
        headers: response.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined,
        ms,
      };
    },
    calls(path) {
      return local!.sandbox.stats.byPath()[path] ?? 0;
    },
  };
}

/** `?a=1&b=2` from a record (values stringified, undefined left out). */
export function query(params: Readonly<Record<string, string | number | boolean | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return `?${search.toString()}`;
}

/** Assert an RFC 9457 problem answer with our stable code. */
export function expectProblem(response: JsonResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body).toMatchObject({
    status,
    code,
    title: expect.any(String),
    traceId: expect.any(String),
  });
}

/** JSON POST init. */
export function postJson(body: unknown): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
