import { describe, expect, it } from 'vitest';

import { fromKakaoDocument } from '../../../../src/shared/providers/kakao/fromKakaoDocument.js';
import { kakaoPlaceSearchResponseSchema } from '../../../../src/shared/providers/kakao/kakaoLocalSchemas.js';
import { loadProviderFixture } from '../loadProviderFixture.js';

describe('fromKakaoDocument', () => {
  it('maps a keyword search page: code → category, AT4 beach → nature, no code → by path, strings → numbers', () => {
    const response = kakaoPlaceSearchResponseSchema.parse(loadProviderFixture('kakao/keyword-search.json'));

    expect(response.documents.map(fromKakaoDocument)).toStrictEqual([
      {
        id: 'kakao:26338954',
        provider: 'kakao',
        name: '스타벅스 해운대해변점',
        category: 'cafe',
        categories: ['스타벅스', '커피전문점', '카페', '음식점', 'CE7'],
        location: { lat: 35.158698, lng: 129.160384 },
        address: '부산 해운대구 해운대해변로 264',
        phone: '1522-3232',
        url: 'http://place.map.kakao.com/26338954',
        distanceMeters: 412,
      },
      {
        id: 'kakao:7990409',
        provider: 'kakao',
        name: '해운대해수욕장',
        category: 'nature',
        categories: ['해변', '해수욕장', '명소', '관광', '여행', 'AT4'],
        location: { lat: 35.158697, lng: 129.158866 },
        address: '부산 해운대구 우동',
        url: 'http://place.map.kakao.com/7990409',
        distanceMeters: 0,
      },
      {
        id: 'kakao:11541823',
        provider: 'kakao',
        name: '해운대시장',
        category: 'shopping',
        categories: ['시장', '생활', '가정'],
        location: { lat: 35.16219, lng: 129.16173 },
        address: '부산 해운대구 구남로41번길 22-1',
        phone: '051-746-3001',
        url: 'http://place.map.kakao.com/11541823',
      },
    ]);
  });
});
