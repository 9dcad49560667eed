import { describe, expect, it } from 'vitest';

import { haversineMeters } from '../../../src/shared/domain/geo.js';
import { type Place, placeSchema } from '../../../src/shared/domain/place.js';
import { postJson, query, UPSTREAM, usePlacesApp } from './placesApp.js';

const GYEONGBOKGUNG = { lat: 37.5796, lng: 126.977 };
const N_SEOUL_TOWER = { lat: 37.5512, lng: 126.9882 };
const SENSOJI = { lat: 35.7148, lng: 139.7967 };
const TOKYO_TOWER = { lat: 35.6586, lng: 139.7454 };
const SKYTREE = { lat: 35.7101, lng: 139.8107 };

const pair = (p: { lat: number; lng: number }) => `${p.lat},${p.lng}`;

/** `npm start` with no keys: the app against the sandbox upstream, through the real local host. */
describe('places API over HTTP (sandbox upstream)', () => {
  const app = usePlacesApp();

  const expectValidPlaces = (places: unknown[]) => {
    expect(places.length).toBeGreaterThan(0);
    for (const place of places) expect(placeSchema.safeParse(place).error).toBeUndefined();
  };

  describe('search', () => {
    it('answers a Korean query in Seoul from Kakao with normalized places, then from cache', async () => {
      const path = `/api/places/search${query({ query: '경복궁', lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng })}`;
      const first = await app.request(path);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ provider: 'kakao', page: 1, hasMore: false, cache: 'miss' });
      expectValidPlaces(first.body.places);
      expect(first.body.places[0]).toMatchObject({
        id: 'kakao:90010001',
        provider: 'kakao',
        name: '경복궁',
        category: 'culture',
        location: GYEONGBOKGUNG,
        address: '서울 종로구 사직로 161',
        url: 'http://place.map.kakao.com/90010001',
      });

      const second = await app.request(path);
      expect(second.body).toEqual({ ...first.body, cache: 'hit' });
      expect(second.headers.get('x-cache')).toBe('hit');
      expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(1);
      expect(app.calls(UPSTREAM.googleText)).toBe(0);
    });

    it('answers an English query in Seoul (language=en) from Kakao, which matches English names', async () => {
      const res = await app.request(
        `/api/places/search${query({ query: 'Gyeongbokgung', lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng, language: 'en' })}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.provider).toBe('kakao');
      expectValidPlaces(res.body.places);
      // Kakao has no language parameter: the place is found in Korean and shown in English (its
      // matched Google place's name), the Korean original beside it.
      expect(res.body.places[0]).toMatchObject({
        id: 'kakao:90010001',
        name: 'Gyeongbokgung Palace',
        nameSource: 'provider',
        nameOriginal: '경복궁',
        originalLanguage: 'ko',
      });
    });

    it('lets an explicit provider=google win in Seoul, in the requested language', async () => {
      const at = { query: '경복궁', lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng, provider: 'google' };
      const en = await app.request(`/api/places/search${query({ ...at, language: 'en' })}`);
      expect(en.status).toBe(200);
      expect(en.body.provider).toBe('google');
      expectValidPlaces(en.body.places);
      expect(en.body.places[0]).toMatchObject({
        provider: 'google',
        name: 'Gyeongbokgung Palace',
        address: expect.stringContaining('Sajik-ro'),
        openingHours: { periods: expect.any(Array) },
      });
      const ko = await app.request(`/api/places/search${query({ ...at, language: 'ko' })}`);
      expect(ko.body.places[0]).toMatchObject({ id: en.body.places[0].id, name: '경복궁' });
      expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(0);
      expect(app.calls(UPSTREAM.googleText)).toBe(2);
    });

    it('answers in Tokyo from Google, in English and in Korean', async () => {
      const at = { query: 'temple', lat: SENSOJI.lat, lng: SENSOJI.lng };
      const en = await app.request(`/api/places/search${query({ ...at, language: 'en' })}`);
      expect(en.status).toBe(200);
      expect(en.body).toMatchObject({ provider: 'google', cache: 'miss' });
      expectValidPlaces(en.body.places);
      expect(en.body.places[0]).toMatchObject({
        provider: 'google',
        name: 'Sensō-ji',
        category: 'culture',
        rating: 4.5,
      });
      const ko = await app.request(`/api/places/search${query({ ...at, language: 'ko' })}`);
      expect(ko.body.places[0]).toMatchObject({ id: en.body.places[0].id, name: '센소지' });
      expect(app.calls(UPSTREAM.kakaoKeyword)).toBe(0);
    });

    it('searches by category alone around a point, within the radius', async () => {
      const radius = 1500;
      const res = await app.request(
        `/api/places/search${query({ category: 'cafe', lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng, radius })}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.provider).toBe('kakao');
      expectValidPlaces(res.body.places);
      for (const place of res.body.places as Place[]) {
        expect(place.category).toBe('cafe');
        expect(haversineMeters(place.location, GYEONGBOKGUNG)).toBeLessThanOrEqual(radius);
      }
      expect(app.calls(UPSTREAM.kakaoCategory)).toBe(1);
    });

    it('pages Kakao results: page 2 continues page 1', async () => {
      const at = { query: 'palace', lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng, size: 2 };
      const one = await app.request(`/api/places/search${query({ ...at, page: 1 })}`);
      const two = await app.request(`/api/places/search${query({ ...at, page: 2 })}`);
      expect(one.body).toMatchObject({ page: 1, hasMore: true });
      expect(two.body).toMatchObject({ page: 2, provider: 'kakao' });
      expect(two.body.places).toHaveLength(2);
      const ids = [...one.body.places, ...two.body.places].map((p: Place) => p.id);
      expect(new Set(ids).size).toBe(4);
      // Kakao sorts by distance around the centre: page 2 is farther than page 1.
      const far = (p: Place) => haversineMeters(p.location, GYEONGBOKGUNG);
      expect(Math.min(...two.body.places.map(far))).toBeGreaterThanOrEqual(
        Math.max(...one.body.places.map(far)),
      );
    });

    it('pages Google results by token: page 2 first fetches (and caches) page 1 for its token', async () => {
      const at = { query: 'museum', lat: SENSOJI.lat, lng: SENSOJI.lng, size: 2, language: 'en' };
      const two = await app.request(`/api/places/search${query({ ...at, page: 2 })}`);
      expect(two.status).toBe(200);
      expect(two.body).toMatchObject({ provider: 'google', page: 2, cache: 'miss' });
      expect(two.body.places).toHaveLength(2);
      expect(app.calls(UPSTREAM.googleText)).toBe(2);
      const one = await app.request(`/api/places/search${query({ ...at, page: 1 })}`);
      expect(one.body).toMatchObject({ page: 1, hasMore: true, cache: 'hit' });
      const ids = [...one.body.places, ...two.body.places].map((p: Place) => p.id);
      expect(new Set(ids).size).toBe(4);
      expect(app.calls(UPSTREAM.googleText)).toBe(2);
    });
  });

  describe('details', () => {
    it('reads a Google place by id, cached per language', async () => {
      const tokyo = app.local.sandbox.places.find('90040003')!;
      const id = `google:${tokyo.googleId}`;
      const en = await app.request(`/api/places/${id}?language=en`);
      expect(en.status).toBe(200);
      expect(en.body).toMatchObject({
        id,
        provider: 'google',
        name: 'Tokyo Tower',
        location: TOKYO_TOWER,
        rating: 4.5,
      });
      expect(en.body.openingHours.periods).toHaveLength(7);
      expect(placeSchema.safeParse(en.body).error).toBeUndefined();
      expect((await app.request(`/api/places/${id}?language=en`)).headers.get('x-cache')).toBe('hit');
      const ko = await app.request(`/api/places/${id}?language=ko`);
      expect(ko.body.name).toBe('도쿄 타워');
      // en, ko, and once in Japanese for the original name shown beside both (cached, shared).
      expect(ko.body.nameOriginal).toBe('東京タワー');
      expect(app.calls(UPSTREAM.googleDetails)).toBe(3);
    });

    it('serves a Kakao place seen in a search, with opening hours and rating matched from Google', async () => {
      const nSeoulTower = app.local.sandbox.places.find('90010023')!;
      const search = await app.request(
        `/api/places/search${query({ query: 'N서울타워', lat: N_SEOUL_TOWER.lat, lng: N_SEOUL_TOWER.lng })}`,
      );
      expect(search.body.places.map((p: Place) => p.id)).toContain('kakao:90010023');
      expect(search.body.places[0].openingHours).toBeUndefined();

      const res = await app.request('/api/places/kakao:90010023');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: 'kakao:90010023',
        provider: 'kakao',
        name: nSeoulTower.name.ko,
        rating: nSeoulTower.rating,
        ratingCount: nSeoulTower.ratingCount,
        openingHours: { source: 'google', periods: nSeoulTower.openingHours },
      });
      // The match asked Google once, in Korean, near the place.
      expect(app.calls(UPSTREAM.googleText)).toBe(1);
    });

    it('does not know a Kakao id no search has returned (Kakao has no details API)', async () => {
      const res = await app.request('/api/places/kakao:90019999');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        code: 'not_found',
        detail: expect.stringContaining('not seen in a recent search'),
      });
    });

    it('answers 404 for a Google id the provider does not know', async () => {
      const res = await app.request('/api/places/google:ChIJAAAAAAAAAAAAAAAAAAAAAAA');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'not_found', provider: 'google' });
    });
  });

  describe('routes', () => {
    it('routes a car in Seoul with Kakao Mobility', async () => {
      const res = await app.request(
        `/api/routes${query({ from: pair(GYEONGBOKGUNG), to: pair(N_SEOUL_TOWER), mode: 'car' })}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        distanceMeters: expect.any(Number),
        durationSeconds: expect.any(Number),
        mode: 'car',
        provider: 'kakao',
        estimated: false,
      });
      expect(res.body.distanceMeters).toBeGreaterThan(haversineMeters(GYEONGBOKGUNG, N_SEOUL_TOWER));
      expect(app.calls(UPSTREAM.kakaoDirections)).toBe(1);
      expect(app.calls(UPSTREAM.googleRoutes)).toBe(0);
    });

    it('estimates a walk in Seoul after Google answers no directions, and then stops asking Google', async () => {
      const res = await app.request(
        `/api/routes${query({ from: pair(GYEONGBOKGUNG), to: pair(N_SEOUL_TOWER), mode: 'walk' })}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mode: 'walk', provider: 'estimate', estimated: true });
      expect(res.body.durationSeconds).toBeGreaterThan(res.body.distanceMeters / 2); // walking pace, not driving
      expect(app.calls(UPSTREAM.googleRoutes)).toBe(1);

      // Learned at run time: another walk in Korea is estimated without asking Google again.
      const busan = await app.request(
        `/api/routes${query({ from: '35.1587,129.1604', to: '35.1532,129.1186', mode: 'walk' })}`,
      );
      expect(busan.body).toMatchObject({ provider: 'estimate', estimated: true });
      expect(app.calls(UPSTREAM.googleRoutes)).toBe(1);
      expect(app.calls(UPSTREAM.kakaoDirections)).toBe(0);
    });

    it('routes a car in Tokyo with Google Routes', async () => {
      const res = await app.request(
        `/api/routes${query({ from: pair(SENSOJI), to: pair(TOKYO_TOWER), mode: 'car' })}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ mode: 'car', provider: 'google', estimated: false });
      expect(res.body.distanceMeters).toBeGreaterThan(haversineMeters(SENSOJI, TOKYO_TOWER));
      expect(app.calls(UPSTREAM.googleRoutes)).toBe(1);
      expect(app.calls(UPSTREAM.kakaoDirections)).toBe(0);
    });

    it('computes a matrix in one upstream call, and estimates cells where Google has no directions', async () => {
      const tokyo = await app.request(
        '/api/routes/matrix',
        postJson({
          origins: [SENSOJI, TOKYO_TOWER],
          destinations: [TOKYO_TOWER, SKYTREE, SENSOJI],
          mode: 'car',
        }),
      );
      expect(tokyo.status).toBe(200);
      expect(tokyo.body.rows).toHaveLength(2);
      for (const row of tokyo.body.rows) {
        expect(row).toHaveLength(3);
        for (const cell of row)
          expect(cell).toEqual({
            distanceMeters: expect.any(Number),
            durationSeconds: expect.any(Number),
            estimated: false,
          });
      }
      expect(tokyo.body.rows[0][2].distanceMeters).toBe(0); // Sensō-ji to itself
      expect(app.calls(UPSTREAM.googleMatrix)).toBe(1);

      const seoul = await app.request(
        '/api/routes/matrix',
        postJson({ origins: [GYEONGBOKGUNG], destinations: [N_SEOUL_TOWER], mode: 'bicycle' }),
      );
      expect(seoul.status).toBe(200);
      expect(seoul.body.rows[0][0]).toMatchObject({ estimated: true });
      expect(seoul.body.rows[0][0].distanceMeters).toBeGreaterThan(
        haversineMeters(GYEONGBOKGUNG, N_SEOUL_TOWER),
      );
    });
  });

  describe('geocoding', () => {
    it('geocodes a Korean address with Kakao and a Japanese landmark with Google', async () => {
      const kr = await app.request(`/api/geocode${query({ address: '서울 종로구 사직로 161' })}`);
      expect(kr.status).toBe(200);
      expect(kr.body.results[0]).toMatchObject({
        provider: 'kakao',
        location: GYEONGBOKGUNG,
        address: '서울 종로구 사직로 161',
      });
      const jp = await app.request(`/api/geocode${query({ address: 'Tokyo Tower', language: 'en' })}`);
      expect(jp.status).toBe(200);
      expect(jp.body.results[0]).toMatchObject({
        provider: 'google',
        location: TOKYO_TOWER,
        address: expect.stringContaining('Minato City'),
      });
      expect(app.calls(UPSTREAM.kakaoAddress)).toBe(1);
      expect(app.calls(UPSTREAM.googleText)).toBe(1);
    });

    it('reverse-geocodes a point in Korea with Kakao and one in Japan with Google', async () => {
      const kr = await app.request(
        `/api/reverse-geocode${query({ lat: GYEONGBOKGUNG.lat, lng: GYEONGBOKGUNG.lng })}`,
      );
      expect(kr.status).toBe(200);
      expect(kr.body.result).toMatchObject({ provider: 'kakao', regions: ['서울특별시', '종로구'] });
      const jp = await app.request(
        `/api/reverse-geocode${query({ lat: TOKYO_TOWER.lat, lng: TOKYO_TOWER.lng, language: 'en' })}`,
      );
      expect(jp.status).toBe(200);
      expect(jp.body.result).toMatchObject({
        provider: 'google',
        address: expect.stringContaining('Shibakoen'),
      });
    });
  });
});
