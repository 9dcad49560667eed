import type { PlaceCategory } from '../../domain/place.js';

const words = (list: string): string[] => list.split(' ');

/** Kakao category group codes we map directly (docs/providers.md). */
const CATEGORY_BY_GROUP_CODE: Readonly<Record<string, PlaceCategory>> = {
  AT4: 'attraction',
  CT1: 'culture',
  FD6: 'restaurant',
  CE7: 'cafe',
  AD5: 'lodging',
};

/**
 * Keywords in `category_name` ("여행 > 관광,명소 > 해수욕장,해변"), checked in order. Kakao has no group
 * for nature, shopping or activities, and files mountains, beaches, palaces and temples under AT4,
 * so an AT4 place whose path names nature/activity/shopping/culture is refined by these too.
 */
const CATEGORY_KEYWORDS: ReadonlyArray<readonly [PlaceCategory, readonly string[]]> = [
  [
    'nature',
    words(
      '공원 산 해수욕장 해변 해안 숲 계곡 오름 폭포 호수 하천 섬 바위 자연 수목원 식물원 정원 동굴 산책로 둘레길',
    ),
  ],
  ['activity', words('테마파크 놀이 아쿠아리움 동물원 레저 스포츠 체험 스파 찜질방 워터파크 케이블카')],
  ['shopping', words('쇼핑 백화점 시장 아울렛 면세점 쇼핑몰 상가 대형마트')],
  [
    'culture',
    words('박물관 미술관 고궁 궁 전시 공연 유적 유적지 사찰 절 신사 사당 문화유적 문화시설 공연장'),
  ],
  ['cafe', words('카페 커피 디저트 제과 베이커리')],
  ['restaurant', words('음식점 식당')],
  ['lodging', words('숙박 호텔 게스트하우스 펜션 리조트 모텔')],
  ['attraction', words('관광 명소 여행 전망대 랜드마크')],
];

/**
 * Whether any label names a keyword: the whole label, or its ending for keywords of two or more
 * syllables ("수산시장" is a 시장); one-syllable keywords (산, 섬, 궁) must be the whole label.
 */
function mentions(labels: readonly string[], keywords: readonly string[]): boolean {
  return labels.some((label) =>
    keywords.some((keyword) => label === keyword || (keyword.length > 1 && label.endsWith(keyword))),
  );
}

/** The labels of a Kakao `category_name`, e.g. "여행 > 관광,명소 > 고궁,궁" → ["여행","관광","명소","고궁","궁"]. */
export function kakaoCategoryLabels(categoryName: string): string[] {
  return categoryName
    .split(/[>,]/)
    .map((label) => label.trim())
    .filter((label) => label !== '');
}

/** The normalized category of a Kakao place from its group code, else its category path. */
export function categoryFromKakao(groupCode: string, categoryName: string): PlaceCategory {
  const labels = kakaoCategoryLabels(categoryName).slice(1); // the root ("여행", "음식점") is too broad
  const byCode = CATEGORY_BY_GROUP_CODE[groupCode];
  if (byCode === 'attraction') {
    for (const refined of ['nature', 'activity', 'shopping', 'culture'] as const) {
      const keywords = CATEGORY_KEYWORDS.find(([category]) => category === refined)?.[1] ?? [];
      if (mentions(labels, keywords)) return refined;
    }
  }
  if (byCode) return byCode;
  const all = kakaoCategoryLabels(categoryName);
  for (const [category, keywords] of CATEGORY_KEYWORDS) {
    if (mentions(all, keywords)) return category;
  }
  return 'attraction';
}

/**
 * How to ask Kakao for a normalized category. Five categories have a group code; the others have
 * none, so they become a keyword (and nature also filters on AT4, where Kakao files parks and beaches).
 */
export interface KakaoCategoryQuery {
  categoryGroupCode?: string;
  /** Add to the query, or use as the query of a keyword search when there is no code. */
  keyword?: string;
}

const QUERY_BY_CATEGORY: Readonly<Record<PlaceCategory, KakaoCategoryQuery>> = {
  attraction: { categoryGroupCode: 'AT4' },
  culture: { categoryGroupCode: 'CT1' },
  nature: { categoryGroupCode: 'AT4', keyword: '자연' },
  restaurant: { categoryGroupCode: 'FD6' },
  cafe: { categoryGroupCode: 'CE7' },
  lodging: { categoryGroupCode: 'AD5' },
  shopping: { keyword: '쇼핑' },
  activity: { keyword: '체험' },
};

/** The Kakao search parameters for a normalized category (reverse of {@link categoryFromKakao}). */
export function kakaoQueryForCategory(category: PlaceCategory): KakaoCategoryQuery {
  return QUERY_BY_CATEGORY[category];
}
