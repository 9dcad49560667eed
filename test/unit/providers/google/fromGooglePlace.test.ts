import { describe, expect, it } from 'vitest';

import { fromGooglePlace } from '../../../../src/shared/providers/google/fromGooglePlace.js';
import {
  googlePlaceSchema,
  googlePlaceSearchResponseSchema,
} from '../../../../src/shared/providers/google/googlePlacesSchemas.js';
import { loadProviderFixture } from '../loadProviderFixture.js';

describe('fromGooglePlace', () => {
  it('maps place details: price enum, cross-midnight and to-midnight periods, current openNow, accessibility', () => {
    const raw = googlePlaceSchema.parse(loadProviderFixture('google/place-details.json'));

    expect(fromGooglePlace(raw)).toStrictEqual({
      id: 'google:ChIJ0aBcDeFgHiJkLmNoPqRsTu',
      provider: 'google',
      name: 'Gwangjang Market Bindaetteok',
      category: 'restaurant',
      categories: ['korean_restaurant', 'restaurant', 'food', 'point_of_interest', 'establishment'],
      location: { lat: 37.57002, lng: 126.99966 },
      address: '88 Changgyeonggung-ro, Jongno District, Seoul, South Korea',
      phone: '02-2267-0291',
      rating: 4.3,
      ratingCount: 8123,
      priceLevel: 1,
      openingHours: {
        periods: [
          { day: 1, open: '09:00', close: '23:00' },
          { day: 5, open: '09:00', close: '01:30', closeDay: 6 },
          { day: 6, open: '18:00', close: '24:00' },
        ],
        openNow: true,
        weekdayDescriptions: [
          'Monday: 9:00 AM – 11:00 PM',
          'Tuesday: Closed',
          'Wednesday: Closed',
          'Thursday: Closed',
          'Friday: 9:00 AM – 1:30 AM',
          'Saturday: 6:00 PM – 12:00 AM',
          'Sunday: Closed',
        ],
      },
      url: 'https://maps.google.com/?cid=1234567890123456789',
      wheelchairAccessible: false,
    });
  });

  it('maps a search page: closed-Monday museum, 24/7 as seven full days, multi-day span split per day, unknown hours', () => {
    const response = googlePlaceSearchResponseSchema.parse(loadProviderFixture('google/search-text.json'));

    expect(response.places?.map(fromGooglePlace)).toStrictEqual([
      {
        id: 'google:ChIJ_NationalMuseumKorea01',
        provider: 'google',
        name: '국립중앙박물관',
        category: 'culture',
        categories: ['museum', 'tourist_attraction', 'point_of_interest', 'establishment'],
        location: { lat: 37.523984, lng: 126.980355 },
        address: '대한민국 서울특별시 용산구 서빙고로 137',
        rating: 4.7,
        ratingCount: 31000,
        priceLevel: 0,
        openingHours: {
          periods: [
            { day: 0, open: '10:00', close: '18:00' },
            { day: 2, open: '10:00', close: '18:00' },
            { day: 3, open: '10:00', close: '21:00' },
          ],
        },
        url: 'https://maps.google.com/?cid=111',
        wheelchairAccessible: true,
      },
      {
        id: 'google:ChIJ_ConvenienceOpen24h001',
        provider: 'google',
        name: '동대문 24시 찜질방',
        category: 'activity',
        categories: ['spa', 'point_of_interest'],
        location: { lat: 37.5665, lng: 127.0092 },
        address: '대한민국 서울특별시 중구 장충단로 253',
        openingHours: {
          periods: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, open: '00:00', close: '24:00' })),
          openNow: true,
        },
      },
      {
        id: 'google:ChIJ_WeekendNonStop000001',
        provider: 'google',
        name: '홍대 클럽 거리 펍',
        category: 'restaurant',
        categories: ['bar'],
        location: { lat: 37.5509, lng: 126.9227 },
        address: '',
        openingHours: {
          periods: [
            { day: 0, open: '00:00', close: '06:00' },
            { day: 5, open: '20:00', close: '24:00' },
            { day: 6, open: '00:00', close: '24:00' },
          ],
        },
      },
      {
        id: 'google:ChIJ_NoHoursKnown00000001',
        provider: 'google',
        name: '남산공원',
        category: 'nature',
        categories: ['park', 'tourist_attraction'],
        location: { lat: 37.5509, lng: 126.9908 },
        address: '대한민국 서울특별시 중구 삼일대로 231',
        rating: 4.5,
        ratingCount: 12000,
      },
    ]);
  });
});
