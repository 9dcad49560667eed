import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { placeSchema } from '../../../src/shared/domain/place.js';
import { GooglePlacesClient } from '../../../src/shared/providers/google/GooglePlacesClient.js';
import { catchRejection } from '../../unit/providers/catchError.js';
import { PLACES, useSandbox } from './useSandbox.js';

/** A Wednesday, 03:00 UTC = 12:00 in Seoul and Tokyo. */
const NOON_WEDNESDAY = new Date('2026-05-13T03:00:00Z');
const t = useSandbox({ now: () => NOON_WEDNESDAY });
const googleId = (kakaoId: string) => t.sandbox.places.byKakaoId(kakaoId)!.googleId;

describe('GooglePlacesClient against the sandbox', () => {
  it('answers in the requested language: Korean and English names and addresses', async () => {
    const id = googleId(PLACES.gyeongbokgung.kakaoId);

    const ko = await t.googlePlaces.getPlace(id, { languageCode: 'ko', regionCode: 'KR' });
    const en = await t.googlePlaces.getPlace(id, { languageCode: 'en' });

    expect([ko.name, ko.address]).toStrictEqual(['경복궁', '대한민국 서울특별시 종로구 사직로 161']);
    expect([en.name, en.address]).toStrictEqual([
      'Gyeongbokgung Palace',
      '161 Sajik-ro, Jongno-gu, Seoul, South Korea',
    ]);
  });

  it('returns details with weekly hours: a palace closed on Tuesdays, open now at noon on a Wednesday', async () => {
    const place = await t.googlePlaces.getPlace(googleId(PLACES.gyeongbokgung.kakaoId), {
      languageCode: 'en',
    });

    expect(placeSchema.parse(place)).toStrictEqual(place);
    expect(place).toMatchObject({
      id: `google:${googleId(PLACES.gyeongbokgung.kakaoId)}`,
      provider: 'google',
      category: 'culture',
      rating: 4.6,
      ratingCount: 52000,
      priceLevel: 1,
      phone: '02-3700-3900',
      wheelchairAccessible: true,
    });
    expect(place.openingHours?.openNow).toBe(true);
    expect(place.openingHours?.periods.map((p) => p.day)).toStrictEqual([0, 1, 3, 4, 5, 6]);
    expect(place.openingHours?.weekdayDescriptions?.[1]).toBe('Tuesday: Closed');
  });

  it('keeps 24-hour, past-midnight and unknown hours apart', async () => {
    const temple = await t.googlePlaces.getPlace(googleId(PLACES.jogyesa.kakaoId));
    const lateNight = await t.googlePlaces.getPlace(googleId(PLACES.jinokhwa.kakaoId));
    const hanok = await t.googlePlaces.getPlace(googleId(PLACES.rakkojae.kakaoId));

    expect(temple.openingHours?.periods).toStrictEqual(
      [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
    );
    expect(lateNight.openingHours?.periods[0]).toStrictEqual({
      day: 0,
      open: '10:30',
      close: '01:00',
      closeDay: 1,
    });
    expect(hanok.openingHours).toBeUndefined();
  });

  it('searches text in both languages and filters by type', async () => {
    const english = await t.googlePlaces.searchText({
      textQuery: 'museum',
      includedType: 'museum',
      languageCode: 'en',
    });
    const korean = await t.googlePlaces.searchText({ textQuery: '박물관 도쿄', languageCode: 'ko' });

    expect(english.places.length).toBeGreaterThanOrEqual(10);
    expect(english.places.every((p) => p.categories.includes('museum'))).toBe(true);
    expect(korean.places.map((p) => p.name)).toEqual(
      expect.arrayContaining(['도쿄 국립박물관', '에도도쿄박물관']),
    );
  });

  it('pages with nextPageToken until Google’s 60-result cap', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const page = await t.googlePlaces.searchText({
        textQuery: 'seoul',
        pageSize: 20,
        ...(pageToken ? { pageToken } : {}),
      });
      seen.push(...page.places.map((p) => p.id));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken && pages < 10);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(60);
    expect(new Set(seen).size).toBe(60);
  });

  it('keeps only places open now when asked', async () => {
    // "nightlife" matches fewer places than one page, so `all` is not capped by the page size.
    const all = await t.googlePlaces.searchText({ textQuery: 'nightlife' });
    const open = await t.googlePlaces.searchText({ textQuery: 'nightlife', openNow: true });

    expect(all.places.length).toBeGreaterThan(open.places.length);
    expect(open.places.every((p) => p.openingHours?.openNow === true)).toBe(true);
  });

  it('searches nearby by distance inside the circle', async () => {
    const center = PLACES.sensoji.location;

    const page = await t.googlePlaces.searchNearby({
      center,
      radiusMeters: 6_000,
      rankPreference: 'DISTANCE',
      maxResultCount: 5,
    });

    const distances = page.places.map((p) => haversineMeters(center, p.location));
    expect(page.places).toHaveLength(5);
    expect(page.places[0]!.name).toBe('Sensō-ji');
    expect(distances).toStrictEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(6_000);
  });

  it('reports an unknown place as not_found', async () => {
    const error = await catchRejection(t.googlePlaces.getPlace('ChIJdoesNotExist0000000000'));

    expect(error).toMatchObject({ code: 'not_found', provider: 'google', transient: false });
  });

  it('turns a wrong and a missing key into upstream_rejected', async () => {
    const wrong = new GooglePlacesClient(t.options({ apiKey: () => 'wrong-google-key' }, 'google'));
    const missing = new GooglePlacesClient(t.options({ apiKey: () => undefined }, 'google'));

    expect(await catchRejection(wrong.searchText({ textQuery: 'museum' }))).toMatchObject({
      code: 'upstream_rejected',
      provider: 'google',
      detail: 'google INVALID_ARGUMENT API_KEY_INVALID',
    });
    expect(await catchRejection(missing.searchText({ textQuery: 'museum' }))).toMatchObject({
      code: 'upstream_rejected',
    });
    expect(t.sandbox.stats.requests()).toBe(1); // the missing key never left the process
  });
});
