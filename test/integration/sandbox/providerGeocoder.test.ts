import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { ProviderGeocoder } from '../../../src/shared/providers/geocoding/ProviderGeocoder.js';
import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();
const geocoder = () => new ProviderGeocoder({ kakaoLocal: t.kakaoLocal, googlePlaces: t.googlePlaces });

describe('ProviderGeocoder against the sandbox', () => {
  it('geocodes a Korean address with Kakao address search', async () => {
    const results = await geocoder().geocode('부산 해운대구 해운대해변로 264');

    expect(results[0]).toStrictEqual({
      location: PLACES.haeundae.location,
      address: '부산 해운대구 해운대해변로 264',
      provider: 'kakao',
    });
    expect(t.sandbox.stats.byPath()).toStrictEqual({ '/v2/local/search/address.json': 1 });
  });

  it('geocodes an address outside Korea with Places Text Search, in the requested language', async () => {
    const results = await geocoder().geocode('4-2-8 Shibakoen, Minato City, Tokyo', { languageCode: 'en' });

    expect(results[0]).toMatchObject({
      provider: 'google',
      address: '4-2-8 Shibakoen, Minato City, Tokyo 105-0011, Japan',
    });
    expect(haversineMeters(results[0]!.location, PLACES.tokyoTower.location)).toBeLessThan(50);
    expect(t.sandbox.stats.byPath()).toStrictEqual({ '/v1/places:searchText': 1 });
  });

  it('falls back to Places when Kakao knows no such Korean address', async () => {
    const results = await geocoder().geocode('도쿄 타워');

    expect(results[0]).toMatchObject({ provider: 'google' });
    expect(t.sandbox.stats.byPath()).toStrictEqual({
      '/v2/local/search/address.json': 1,
      '/v1/places:searchText': 1,
    });
  });

  it('reverse-geocodes with Kakao regions in Korea and the nearest place elsewhere', async () => {
    const seoul = await geocoder().reverseGeocode(PLACES.gyeongbokgung.location);
    const tokyo = await geocoder().reverseGeocode(PLACES.tokyoTower.location, { languageCode: 'en' });

    expect(seoul).toMatchObject({
      provider: 'kakao',
      address: '서울특별시 종로구',
      regions: ['서울특별시', '종로구'],
    });
    expect(tokyo).toStrictEqual({
      provider: 'google',
      address: '4-2-8 Shibakoen, Minato City, Tokyo 105-0011, Japan',
      regions: [],
    });
  });
});
