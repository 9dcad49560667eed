import { describe, expect, it } from 'vitest';

import { PLACE_CATEGORIES } from '../../../../src/shared/domain/place.js';
import {
  categoryFromKakao,
  kakaoQueryForCategory,
} from '../../../../src/shared/providers/kakao/kakaoCategories.js';

describe('categoryFromKakao', () => {
  it.each([
    ['AT4', '여행 > 관광,명소 > 고궁,궁', 'culture'],
    ['AT4', '여행 > 관광,명소 > 사찰', 'culture'],
    ['AT4', '여행 > 관광,명소 > 전망대', 'attraction'],
    ['AT4', '여행 > 관광,명소 > 산', 'nature'],
    ['AT4', '여행 > 관광,명소 > 오름', 'nature'],
    ['AT4', '여행 > 관광,명소 > 테마파크', 'activity'],
    ['CT1', '문화,예술 > 문화시설 > 박물관', 'culture'],
    ['FD6', '음식점 > 한식 > 해물,생선', 'restaurant'],
    ['CE7', '음식점 > 카페 > 커피전문점', 'cafe'],
    ['AD5', '여행 > 숙박 > 호텔 > 특급호텔', 'lodging'],
    ['', '가정,생활 > 시장 > 수산시장', 'shopping'],
    ['', '쇼핑 > 백화점', 'shopping'],
    ['', '여행 > 공원 > 도시근린공원', 'nature'],
    ['', '스포츠,레저 > 테마파크', 'activity'],
    ['', '음식점 > 카페', 'cafe'],
    ['', '서비스,산업 > 기타', 'attraction'],
  ])('%s %s → %s', (code, path, expected) => {
    expect(categoryFromKakao(code, path)).toBe(expected);
  });
});

describe('kakaoQueryForCategory', () => {
  it('maps every normalized category to a group code, a keyword, or both', () => {
    expect(Object.fromEntries(PLACE_CATEGORIES.map((c) => [c, kakaoQueryForCategory(c)]))).toStrictEqual({
      attraction: { categoryGroupCode: 'AT4' },
      culture: { categoryGroupCode: 'CT1' },
      nature: { categoryGroupCode: 'AT4', keyword: '자연' },
      restaurant: { categoryGroupCode: 'FD6' },
      cafe: { categoryGroupCode: 'CE7' },
      lodging: { categoryGroupCode: 'AD5' },
      shopping: { keyword: '쇼핑' },
      activity: { keyword: '체험' },
    });
  });

  it('round-trips every category that has its own group code', () => {
    for (const category of ['attraction', 'culture', 'restaurant', 'cafe', 'lodging'] as const) {
      const code = kakaoQueryForCategory(category).categoryGroupCode!;
      expect(categoryFromKakao(code, '')).toBe(category);
    }
  });
});
