import { describe, expect, it } from 'vitest';

import { TieredCache } from '../../../src/shared/cache/TieredCache.js';
import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { GeocodeService } from '../../../src/shared/places/GeocodeService.js';
import { GoogleGeocoding } from '../../../src/shared/providers/google/GoogleGeocoding.js';
import { KakaoGeocoding } from '../../../src/shared/providers/kakao/KakaoGeocoding.js';
import { ProviderPolicy } from '../../../src/shared/resilience/ProviderPolicy.js';
import { Metrics } from '../../../src/shared/telemetry/Metrics.js';
import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();
const policy = (name: string) => new ProviderPolicy({ name, provider: name, budgetMs: 5_000, maxRetries: 0 });

/** The geocoding service over the Kakao and Google geocoding providers, with a fresh cache. */
function geocoding(): GeocodeService {
  const enabled = () => true;
  return new GeocodeService(
    [
      new KakaoGeocoding({ client: t.kakaoLocal, policy: policy('kakao'), enabled }),
      new GoogleGeocoding({ client: t.googlePlaces, policy: policy('google'), enabled }),
    ],
    new TieredCache({ l1MaxEntries: 100, l1TtlMs: 60_000, metrics: new Metrics() }),
  );
}

describe('Geocoding providers against the sandbox', () => {
  it('geocodes a Korean address with Kakao address search', async () => {
    const results = await geocoding().geocode({ address: '부산 해운대구 해운대해변로 264', language: 'ko' });

    expect(results[0]).toStrictEqual({
      location: PLACES.haeundae.location,
      address: '부산 해운대구 해운대해변로 264',
      provider: 'kakao',
    });
    expect(t.sandbox.stats.byPath()).toStrictEqual({ '/v2/local/search/address.json': 1 });
  });

  it('geocodes an address outside Korea with Places Text Search, in the requested language', async () => {
    const results = await geocoding().geocode({
      address: '4-2-8 Shibakoen, Minato City, Tokyo',
      language: 'en',
    });

    expect(results[0]).toMatchObject({
      provider: 'google',
      address: '4-2-8 Shibakoen, Minato City, Tokyo 105-0011, Japan',
    });
    expect(haversineMeters(results[0]!.location, PLACES.tokyoTower.location)).toBeLessThan(50);
    expect(t.sandbox.stats.byPath()).toStrictEqual({ '/v1/places:searchText': 1 });
  });

  it('falls back to Places when Kakao knows no such Korean address', async () => {
    const results = await geocoding().geocode({ address: '도쿄 타워', language: 'ko' });

    expect(results[0]).toMatchObject({ provider: 'google' });
    expect(t.sandbox.stats.byPath()).toStrictEqual({
      '/v2/local/search/address.json': 1,
      '/v1/places:searchText': 1,
    });
  });

  it('reverse-geocodes with Kakao regions in Korea and the nearest place elsewhere', async () => {
    const seoul = await geocoding().reverse({ ...PLACES.gyeongbokgung.location, language: 'ko' });
    const tokyo = await geocoding().reverse({ ...PLACES.tokyoTower.location, language: 'en' });

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
