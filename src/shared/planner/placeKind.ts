import type { Place } from '../domain/place.js';

/** How long a visit of a kind takes for an adult, minutes. */
export interface KindDuration {
  readonly min: number;
  readonly typical: number;
  readonly max: number;
}

/**
 * A fine-grained kind of place (a temple, a beach, a seafood restaurant), recognised from the
 * provider's own labels: Google types (`buddhist_temple`) and Kakao category labels (`사찰`).
 */
export interface PlaceKind {
  readonly name: string;
  /** Labels that say the place is of this kind (exact, case-insensitive). */
  readonly labels: readonly string[];
  /** Open-air: should end before sunset. */
  readonly outdoor?: boolean;
  /** Asks for real physical effort: not for limited mobility, children ≤ 4 or travellers ≥ 75. */
  readonly strenuous?: boolean;
  /** Best in the evening (views, night markets, nightlife). */
  readonly evening?: boolean;
  readonly duration?: KindDuration;
}

const d = (min: number, typical: number, max: number): KindDuration => ({ min, typical, max });

/**
 * Most specific first: the first kind whose label a place carries is its kind. Durations follow
 * what a human planner budgets (a square or a crossing 20–40 min, a theme park most of a day).
 */
export const PLACE_KINDS: readonly PlaceKind[] = [
  // Restaurants, by cuisine (the order decides cuisine variety and dietary checks).
  { name: 'vegetarian', labels: ['vegetarian_restaurant', 'vegan_restaurant', '채식', '비건'] },
  { name: 'halal', labels: ['halal_restaurant', 'middle_eastern_restaurant', '할랄'] },
  { name: 'indian', labels: ['indian_restaurant', '인도음식'] },
  { name: 'sushi', labels: ['sushi_restaurant', '초밥', '롤'] },
  { name: 'ramen', labels: ['ramen_restaurant', '라멘'] },
  { name: 'seafood', labels: ['seafood_restaurant', '해물', '생선', '회'] },
  { name: 'bbq', labels: ['barbecue_restaurant', '육류', '고기', '야키니쿠'] },
  { name: 'tonkatsu', labels: ['돈까스'] },
  { name: 'chicken', labels: ['chicken_restaurant', '치킨'] },
  { name: 'chinese', labels: ['chinese_restaurant', '중식'] },
  { name: 'italian', labels: ['italian_restaurant', 'pizza_restaurant', '이탈리안', '피자'] },
  { name: 'western', labels: ['american_restaurant', 'hamburger_restaurant', 'brunch_restaurant', '양식'] },
  { name: 'noodles', labels: ['국수', '소바', '우동', '냉면'] },
  { name: 'soup', labels: ['국밥', '해장국'] },
  { name: 'street_food', labels: ['분식'] },
  { name: 'izakaya', labels: ['japanese_izakaya_restaurant', '이자카야'], evening: true },
  { name: 'bar', labels: ['bar', 'pub', '술집', '호프', '바'], evening: true },
  { name: 'japanese', labels: ['japanese_restaurant', '일식'] },
  { name: 'korean', labels: ['korean_restaurant', '한식', '한정식'] },
  // Visits.
  {
    name: 'mountain',
    labels: ['hiking_area', 'national_park', '산', '오름', '등산로'],
    outdoor: true,
    strenuous: true,
    duration: d(90, 150, 210),
  },
  { name: 'trail', labels: ['산책로', '둘레길'], outdoor: true, strenuous: true, duration: d(60, 90, 150) },
  { name: 'waterfall', labels: ['폭포'], outdoor: true, duration: d(30, 45, 75) },
  { name: 'beach', labels: ['beach', '해수욕장', '해변'], outdoor: true, duration: d(45, 60, 120) },
  { name: 'coast', labels: ['해안', '바위'], outdoor: true, duration: d(30, 45, 90) },
  { name: 'island', labels: ['섬'], outdoor: true, duration: d(60, 120, 240) },
  { name: 'cave', labels: ['동굴'], duration: d(40, 60, 90) },
  { name: 'forest', labels: ['숲'], outdoor: true, duration: d(60, 90, 120) },
  {
    name: 'garden',
    labels: ['botanical_garden', 'garden', '수목원', '식물원', '정원'],
    outdoor: true,
    duration: d(45, 75, 120),
  },
  {
    name: 'temple',
    labels: ['buddhist_temple', 'shinto_shrine', '사찰', '절', '신사'],
    duration: d(40, 60, 90),
  },
  { name: 'palace', labels: ['고궁', '궁'], duration: d(60, 90, 150) },
  { name: 'gallery', labels: ['art_gallery', '미술관'], duration: d(60, 90, 120) },
  { name: 'museum', labels: ['museum', '박물관'], duration: d(60, 90, 150) },
  { name: 'theme_park', labels: ['amusement_park', '테마파크'], duration: d(180, 240, 360) },
  { name: 'aquarium', labels: ['aquarium', '아쿠아리움'], duration: d(60, 90, 150) },
  { name: 'zoo', labels: ['zoo', '동물원'], outdoor: true, duration: d(90, 120, 180) },
  { name: 'spa', labels: ['spa', '찜질방', '사우나'], duration: d(90, 120, 180) },
  { name: 'tower', labels: ['observation_deck', '전망대'], evening: true, duration: d(45, 60, 90) },
  { name: 'market', labels: ['market', '시장'], duration: d(45, 75, 120) },
  {
    name: 'mall',
    labels: ['shopping_mall', 'department_store', '쇼핑몰', '백화점'],
    duration: d(45, 75, 120),
  },
  { name: 'square', labels: ['plaza', '광장'], outdoor: true, duration: d(20, 30, 40) },
  { name: 'street', labels: ['테마거리', '쇼핑거리'], duration: d(30, 45, 75) },
  { name: 'village', labels: ['문화마을'], outdoor: true, duration: d(45, 60, 90) },
  { name: 'park', labels: ['park', '공원', '도시근린공원', '하천'], outdoor: true, duration: d(40, 60, 90) },
  {
    name: 'heritage',
    labels: ['historical_landmark', '문화유적', '유적지', '사당'],
    duration: d(40, 60, 90),
  },
  { name: 'theater', labels: ['performing_arts_theater', '공연장'], duration: d(60, 90, 150) },
  { name: 'teahouse', labels: ['tea_house', '전통찻집'], duration: d(30, 45, 60) },
  { name: 'cafe', labels: ['cafe', 'coffee_shop', 'bakery', '카페', '커피전문점'], duration: d(30, 45, 60) },
];

const BY_LABEL = new Map<string, PlaceKind>();
for (const kind of [...PLACE_KINDS].reverse()) for (const label of kind.labels) BY_LABEL.set(label, kind);
const RANK = new Map(PLACE_KINDS.map((kind, i) => [kind, i]));

/** The place's most specific kind, or `undefined` when its labels name none. */
export function kindOf(place: Pick<Place, 'categories'>): PlaceKind | undefined {
  let best: PlaceKind | undefined;
  for (const label of place.categories) {
    const kind = BY_LABEL.get(label.toLowerCase());
    if (kind && (best === undefined || RANK.get(kind)! < RANK.get(best)!)) best = kind;
  }
  return best;
}

/** A key for "the same kind of place": the kind's name, else the broad category. */
export function kindKey(place: Pick<Place, 'categories' | 'category'>): string {
  return kindOf(place)?.name ?? place.category;
}
