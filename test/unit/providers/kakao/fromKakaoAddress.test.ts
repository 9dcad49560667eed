import { describe, expect, it } from 'vitest';

import {
  fromKakaoAddressDocument,
  fromKakaoRegionDocuments,
} from '../../../../src/shared/providers/kakao/fromKakaoAddress.js';
import {
  kakaoAddressSearchResponseSchema,
  kakaoRegionResponseSchema,
} from '../../../../src/shared/providers/kakao/kakaoLocalSchemas.js';
import { loadProviderFixture } from '../loadProviderFixture.js';

describe('fromKakaoAddressDocument', () => {
  it('maps an address match to a point with the road address', () => {
    const response = kakaoAddressSearchResponseSchema.parse(loadProviderFixture('kakao/address-search.json'));

    expect(response.documents.map(fromKakaoAddressDocument)).toStrictEqual([
      { location: { lat: 37.579617, lng: 126.977041 }, address: '서울 종로구 사직로 161', provider: 'kakao' },
    ]);
  });
});

describe('fromKakaoRegionDocuments', () => {
  it('prefers the legal (B) region and lists its names largest first', () => {
    const response = kakaoRegionResponseSchema.parse(loadProviderFixture('kakao/coord2regioncode.json'));

    expect(fromKakaoRegionDocuments(response.documents)).toStrictEqual({
      address: '서울특별시 종로구 세종로',
      provider: 'kakao',
      regions: ['서울특별시', '종로구', '세종로'],
      regionCode: '1111011900',
    });
  });
});
