import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { placeSchema } from '../../../src/shared/domain/place.js';
import { KakaoLocalClient } from '../../../src/shared/providers/kakao/KakaoLocalClient.js';
import { catchRejection } from '../../unit/providers/catchError.js';
import { PLACES, useSandbox } from './useSandbox.js';

const t = useSandbox();

describe('KakaoLocalClient against the sandbox', () => {
  it('finds a place by its Korean name and normalizes it', async () => {
    const page = await t.kakaoLocal.searchKeyword({ query: '경복궁' });

    expect(page).toMatchObject({ page: 1, hasMore: false, totalCount: 1, pageableCount: 1 });
    expect(page.places).toStrictEqual([
      {
        id: 'kakao:90010001',
        provider: 'kakao',
        name: '경복궁',
        category: 'culture',
        categories: ['궁', '고궁', '명소', '관광', '여행', 'AT4'],
        location: { lat: 37.5796, lng: 126.977 },
        address: '서울 종로구 사직로 161',
        phone: '02-3700-3900',
        url: 'http://place.map.kakao.com/90010001',
      },
    ]);
    expect(placeSchema.parse(page.places[0])).toBeTruthy();
  });

  it('matches English words too, and restricts a category code', async () => {
    const page = await t.kakaoLocal.searchKeyword({ query: 'palace', categoryGroupCode: 'AT4' });

    expect(page.places.length).toBeGreaterThanOrEqual(5);
    expect(page.places.every((p) => p.categories.includes('AT4'))).toBe(true);
    expect(page.places.map((p) => p.name)).toContain('경복궁');
    // Kakao Local covers Korea only: the Tokyo Imperial Palace is not served here
    expect(page.places.map((p) => p.name)).not.toContain('황거 히가시교엔');
  });

  it('filters by radius, sorts by distance and reports distances as numbers', async () => {
    const center = PLACES.gyeongbokgung.location;
    const page = await t.kakaoLocal.searchKeyword({
      query: '카페',
      center,
      radiusMeters: 3_000,
      sort: 'distance',
    });

    const distances = page.places.map((p) => p.distanceMeters!);
    expect(page.places.length).toBeGreaterThanOrEqual(3);
    expect(distances).toStrictEqual([...distances].sort((a, b) => a - b));
    for (const place of page.places) {
      expect(place.category).toBe('cafe');
      expect(place.distanceMeters).toBeLessThanOrEqual(3_000);
      expect(Math.abs(haversineMeters(center, place.location) - place.distanceMeters!)).toBeLessThan(1.5);
    }
  });

  it('pages 15 at a time and stops at Kakao’s 45 pageable documents', async () => {
    const pages = [];
    for (let page = 1; page <= 4; page += 1)
      pages.push(await t.kakaoLocal.searchKeyword({ query: '서울', page, size: 15 }));

    expect(pages.map((p) => [p.page, p.places.length, p.hasMore])).toStrictEqual([
      [1, 15, true],
      [2, 15, true],
      [3, 15, false],
      [4, 0, false],
    ]);
    expect(pages[0]!.totalCount).toBeGreaterThan(45);
    expect(pages[0]!.pageableCount).toBe(45);
    expect(new Set(pages.flatMap((p) => p.places.map((place) => place.id))).size).toBe(45);
  });

  it('searches a category around a point', async () => {
    const page = await t.kakaoLocal.searchCategory({
      categoryGroupCode: 'FD6',
      center: PLACES.haeundae.location,
      radiusMeters: 5_000,
    });

    expect(page.places.length).toBeGreaterThanOrEqual(3);
    expect(page.places.every((p) => p.category === 'restaurant' && p.address.startsWith('부산'))).toBe(true);
  });

  it('geocodes a road address and a district, and names the region at a point', async () => {
    const road = await t.kakaoLocal.searchAddress({ query: '서울 종로구 사직로 161' });
    const district = await t.kakaoLocal.searchAddress({ query: '서울특별시 종로구' });
    const region = await t.kakaoLocal.regionAt(PLACES.gyeongbokgung.location);

    expect(road.results).toStrictEqual([
      { location: { lat: 37.5796, lng: 126.977 }, address: '서울 종로구 사직로 161', provider: 'kakao' },
    ]);
    expect(district.results).toHaveLength(1);
    expect(district.results[0]!.address).toBe('서울 종로구');
    expect(haversineMeters(district.results[0]!.location, PLACES.gyeongbokgung.location)).toBeLessThan(3_000);
    expect(region).toMatchObject({ provider: 'kakao', regions: ['서울특별시', '종로구'] });
    expect(await t.kakaoLocal.regionAt(PLACES.tokyoTower.location)).toBeUndefined();
  });

  it('turns a wrong key into a permanent upstream_rejected that does not carry the key', async () => {
    const client = new KakaoLocalClient(t.options({ apiKey: () => 'not-the-key-0123' }));

    const error = await catchRejection(client.searchKeyword({ query: '경복궁' }));

    expect(error).toMatchObject({ code: 'upstream_rejected', transient: false, provider: 'kakao' });
    expect(JSON.stringify({ ...(error as object), message: (error as Error).message })).not.toContain(
      'not-the-key-0123',
    );
  });

  it('refuses a page beyond Kakao’s limit before calling it', async () => {
    const error = await catchRejection(t.kakaoLocal.searchKeyword({ query: '카페', page: 46 }));

    expect(error).toMatchObject({ code: 'validation_failed', errors: [{ path: 'page' }] });
    expect(t.sandbox.stats.requests()).toBe(0);
  });
});
