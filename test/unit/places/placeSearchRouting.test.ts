import { describe, expect, it } from 'vitest';

import { AppError } from '../../../src/shared/errors/AppError.js';
import {
  type PlaceSearchParams,
  placeSearchParamsSchema,
} from '../../../src/shared/places/placeSearchParams.js';
import { PlaceSearchService } from '../../../src/shared/places/PlaceSearchService.js';
import { callCount, fakeProviders, type FakeUpstreams, samplePlace } from './fakeProviders.js';

const params = (raw: Record<string, string>): PlaceSearchParams => placeSearchParamsSchema.parse(raw);
const SEOUL = { lat: '37.5796', lng: '126.977' };
const TOKYO = { lat: '35.7148', lng: '139.7967' };

const kakaoPage = {
  places: [samplePlace('kakao', '1')],
  page: 1,
  hasMore: false,
  totalCount: 1,
  pageableCount: 1,
};
const googlePage = { places: [samplePlace('google', 'ChIJ1')] };

function service(fakes: Readonly<FakeUpstreams> = {}) {
  const { providers, calls, cache } = fakeProviders({
    kakaoLocal: { searchKeyword: async () => kakaoPage, searchCategory: async () => kakaoPage },
    googlePlaces: { searchText: async () => googlePage, searchNearby: async () => googlePage },
    ...fakes,
  });
  return { search: new PlaceSearchService({ providers: providers.placeSearch, cache }), calls };
}

describe('PlaceSearchService provider routing', () => {
  it.each([
    ['Kakao first in Korea (by point)', { query: 'palace', ...SEOUL }, ['kakao', 'google']],
    ['Google in Japan (by point)', { query: 'temple', ...TOKYO }, ['google']],
    ['Kakao first for a Hangul query without a point', { query: '경복궁' }, ['kakao', 'google']],
    ['Kakao first for region KR without a point', { query: 'palace', region: 'KR' }, ['kakao', 'google']],
    ['Google for an English query with no point or region', { query: 'palace' }, ['google']],
    ['the point wins over Hangul text', { query: '센소지', ...TOKYO }, ['google']],
    [
      'Google only for "open now" (Kakao has no hours)',
      { query: 'palace', ...SEOUL, openNow: 'true' },
      ['google'],
    ],
    ['an explicit provider wins in Korea', { query: 'palace', ...SEOUL, provider: 'google' }, ['google']],
    ['an explicit provider wins outside Korea', { query: 'temple', ...TOKYO, provider: 'kakao' }, ['kakao']],
  ])('%s', (_case, raw, expected) => {
    expect(service().search.providersFor(params(raw))).toEqual(expected);
  });

  it('leaves out a provider that has no key', () => {
    expect(
      service({ kakaoEnabled: false }).search.providersFor(params({ query: 'palace', ...SEOUL })),
    ).toEqual(['google']);
    expect(
      service({ googleEnabled: false }).search.providersFor(params({ query: 'temple', ...TOKYO })),
    ).toEqual([]);
  });

  it('answers 503 "not configured" for an explicit provider without a key, without calling anything', async () => {
    const { search, calls } = service({ googleEnabled: false });
    await expect(
      search.search(params({ query: 'palace', ...SEOUL, provider: 'google' })),
    ).rejects.toMatchObject({
      code: 'upstream_unavailable',
      status: 503,
      transient: false,
      detail: 'google is not configured',
    });
    expect(calls).toEqual({});
  });

  it('answers 503 when no provider is configured for the area', async () => {
    const { search } = service({ googleEnabled: false });
    await expect(search.search(params({ query: 'temple', ...TOKYO }))).rejects.toMatchObject({
      code: 'upstream_unavailable',
      detail: 'No map provider is configured for this area',
    });
  });
});

describe('PlaceSearchService fallback', () => {
  it.each([
    ['5xx', new AppError('upstream_unavailable', '503')],
    ['a timeout', new AppError('upstream_timeout', 'slow')],
    ['a bad response', new AppError('upstream_bad_response', 'garbled')],
    ['quota', new AppError('upstream_quota_exceeded', '429', { retryAfterSeconds: 30 })],
  ])('hands over to Google when Kakao fails with %s', async (_case, error) => {
    const { search, calls } = service({ kakaoLocal: { searchKeyword: async () => Promise.reject(error) } });
    const result = await search.search(params({ query: 'palace', ...SEOUL }));
    expect(result).toMatchObject({ provider: 'google', places: googlePage.places, cache: 'miss' });
    expect(callCount(calls, 'kakaoLocal.searchKeyword')).toBe(1);
    expect(callCount(calls, 'googlePlaces.searchText')).toBe(1);
  });

  it('falls back to Google when Kakao rejects our key (misconfigured on our side)', async () => {
    const rejected = new AppError('upstream_rejected', 'bad key', { provider: 'kakao' });
    const { search, calls } = service({
      kakaoLocal: { searchKeyword: async () => Promise.reject(rejected) },
    });
    const result = await search.search(params({ query: 'palace', ...SEOUL }));
    expect(result.provider).toBe('google');
    expect(callCount(calls, 'googlePlaces.searchText')).toBe(1);
  });

  it('does not hide other permanent Kakao failures behind Google', async () => {
    const invalid = new AppError('validation_failed', 'bad page', { provider: 'kakao' });
    const { search, calls } = service({
      kakaoLocal: { searchKeyword: async () => Promise.reject(invalid) },
    });
    await expect(search.search(params({ query: 'palace', ...SEOUL }))).rejects.toBe(invalid);
    expect(callCount(calls, 'googlePlaces.searchText')).toBe(0);
  });

  it('throws the last provider’s error when every provider fails', async () => {
    const googleDown = new AppError('upstream_timeout', 'google slow', { provider: 'google' });
    const { search } = service({
      kakaoLocal: {
        searchKeyword: async () => Promise.reject(new AppError('upstream_unavailable', 'kakao down')),
      },
      googlePlaces: { searchText: async () => Promise.reject(googleDown) },
    });
    await expect(search.search(params({ query: 'palace', ...SEOUL }))).rejects.toBe(googleDown);
  });

  it('does not fall back on an empty Kakao answer', async () => {
    const { search, calls } = service({
      kakaoLocal: { searchKeyword: async () => ({ ...kakaoPage, places: [] }) },
    });
    expect(await search.search(params({ query: 'nothing here', ...SEOUL }))).toMatchObject({
      provider: 'kakao',
      places: [],
    });
    expect(callCount(calls, 'googlePlaces.searchText')).toBe(0);
  });
});

describe('PlaceSearchService requests', () => {
  it('asks Kakao by distance around the point, with the category code and keyword', async () => {
    const { search, calls } = service();
    await search.search(
      params({ query: 'walk', category: 'nature', ...SEOUL, radius: '800', size: '5', page: '2' }),
    );
    expect(calls['kakaoLocal.searchKeyword']![0]![0]).toEqual({
      query: 'walk 자연',
      categoryGroupCode: 'AT4',
      center: { lat: 37.5796, lng: 126.977 },
      radiusMeters: 800,
      page: 2,
      size: 5,
      sort: 'distance',
    });
  });

  it('asks Kakao category search for a category alone', async () => {
    const { search, calls } = service();
    await search.search(params({ category: 'cafe', ...SEOUL }));
    expect(calls['kakaoLocal.searchCategory']![0]![0]).toMatchObject({
      categoryGroupCode: 'CE7',
      center: { lat: 37.5796, lng: 126.977 },
      radiusMeters: 5000,
    });
    expect(callCount(calls, 'kakaoLocal.searchKeyword')).toBe(0);
  });

  it('passes language and region through to Google', async () => {
    const { search, calls } = service();
    await search.search(params({ query: 'temple', ...TOKYO, language: 'en', region: 'JP' }));
    expect(calls['googlePlaces.searchText']![0]![0]).toMatchObject({
      textQuery: 'temple',
      languageCode: 'en',
      regionCode: 'JP',
      pageSize: 15,
    });
  });

  it('has no page 2 of a Google category search (Nearby Search does not page)', async () => {
    const { search, calls } = service();
    expect(await search.search(params({ category: 'cafe', ...TOKYO, page: '2' }))).toMatchObject({
      places: [],
      hasMore: false,
    });
    expect(callCount(calls, 'googlePlaces.searchNearby')).toBe(0);
  });
});
