import type { Trip } from '../../../src/shared/trips/tripSchema.js';

type Member = Trip['members'][number];
type Mode = Trip['transport']['mode'];

const CITIES = {
  seoul: { name: 'Seoul', lat: 37.5665, lng: 126.978, countryCode: 'KR' },
  busan: { name: 'Busan', lat: 35.1796, lng: 129.0756, countryCode: 'KR' },
  jeju: { name: 'Jeju', lat: 33.4996, lng: 126.5312, countryCode: 'KR' },
  tokyo: { name: 'Tokyo', lat: 35.6812, lng: 139.7671, countryCode: 'JP' },
} as const;

const adult = (name: string, preferences: string[], age = 35): Member => ({ name, age, preferences });

function trip(
  id: string,
  city: keyof typeof CITIES,
  stay: [string, number, number],
  days: [string, string],
  mode: Mode,
  language: string,
  members: Member[],
  window: [string, string] = ['09:00', '21:00'],
): Trip {
  return {
    id,
    ownerId: 'bench',
    name: id,
    destination: CITIES[city],
    startDate: days[0],
    endDate: days[1],
    dailyStart: window[0],
    dailyEnd: window[1],
    accommodation: { name: stay[0], lat: stay[1], lng: stay[2] },
    transport: { mode },
    members,
    language,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } as unknown as Trip;
}

/**
 * Twenty-three trips a human planner would be asked for: four cities, couples, families with
 * toddlers, grandparents, wheelchair users, vegetarians and halal diets, hikers; 2–5 days; car,
 * transit, walking and mixed; Korean, English and Japanese; winter (early sunsets) and summer.
 */
export const QUALITY_TRIPS: readonly Trip[] = [
  trip('seoul-hongdae-couple-5d', 'seoul', ['Hongdae guesthouse', 37.5563, 126.9236], ['2026-12-07', '2026-12-11'], 'transit', 'ko', [adult('지현', ['맛집', '카페', '쇼핑']), adult('민수', ['야경', '시장'])]),
  trip('seoul-cityhall-family-3d', 'seoul', ['Hotel near City Hall', 37.5658, 126.9751], ['2026-06-15', '2026-06-17'], 'transit', 'en', [adult('Anna', ['museums', 'history']), adult('Ben', ['food']), { name: 'Mia', age: 3, preferences: ['kids'] }, { name: 'Leo', age: 8, preferences: ['parks'] }]),
  trip('seoul-jongno-grandparents-2d', 'seoul', ['Jongno hanok stay', 37.5745, 126.9868], ['2026-12-14', '2026-12-15'], 'transit', 'ko', [{ name: '할아버지', age: 80, health: { mobility: 'limited' }, preferences: ['고궁', '사찰'] }, { name: '할머니', age: 78, health: { mobility: 'limited', notes: '계단 힘듦' }, preferences: ['찻집'] }]),
  trip('seoul-gangnam-wheelchair-3d', 'seoul', ['Gangnam hotel', 37.5045, 127.0249], ['2026-09-08', '2026-09-10'], 'transit', 'en', [{ name: 'Sam', age: 41, health: { mobility: 'wheelchair' }, preferences: ['art', 'shopping'] }, adult('Kim', ['museum'])]),
  trip('seoul-itaewon-vegetarian-3d', 'seoul', ['Itaewon hotel', 37.5345, 126.9946], ['2026-10-12', '2026-10-14'], 'transit', 'en', [{ name: 'Priya', age: 30, health: { mobility: 'full', notes: 'vegetarian' }, preferences: ['food', 'market'] }, adult('Tom', ['history'])]),
  trip('seoul-hikers-car-2d', 'seoul', ['Hotel near City Hall', 37.5658, 126.9751], ['2026-10-17', '2026-10-18'], 'car', 'ko', [adult('준', ['등산', '자연']), adult('서연', ['등산'])]),
  trip('seoul-insadong-walk-2d', 'seoul', ['Insadong hotel', 37.5735, 126.9855], ['2026-12-01', '2026-12-02'], 'walk', 'ja', [adult('Yuki', ['寺', '歴史']), adult('Ken', ['カフェ'])]),
  trip('seoul-jamsil-halal-2d', 'seoul', ['Jamsil hotel', 37.5133, 127.1000], ['2026-07-20', '2026-07-21'], 'transit', 'en', [{ name: 'Aisha', age: 36, health: { mobility: 'full', notes: 'halal only' }, preferences: ['theme park'] }, { name: 'Omar', age: 7, preferences: ['aquarium'] }]),
  trip('busan-haeundae-couple-3d', 'busan', ['Haeundae hotel', 35.1587, 129.1604], ['2026-08-03', '2026-08-05'], 'transit', 'ko', [adult('하늘', ['바다', '해산물']), adult('도윤', ['야경'])]),
  trip('busan-seomyeon-2d', 'busan', ['Seomyeon hotel', 35.1578, 129.0597], ['2026-11-09', '2026-11-10'], 'transit', 'en', [adult('Chris', ['market', 'food', 'history'])]),
  trip('busan-nampo-elderly-2d', 'busan', ['Nampo hotel', 35.0990, 129.0300], ['2026-12-03', '2026-12-04'], 'transit', 'ja', [{ name: 'Haruko', age: 76, health: { mobility: 'limited' }, preferences: ['市場', '寺'] }, adult('Aki', ['海鮮'])]),
  trip('busan-family-car-4d', 'busan', ['Haeundae resort', 35.1605, 129.1695], ['2026-07-27', '2026-07-30'], 'car', 'en', [adult('Jane', ['beach', 'nature']), { name: 'Noah', age: 4, preferences: ['kids'] }, { name: 'Ella', age: 9, preferences: ['aquarium'] }]),
  trip('jeju-city-transit-3d', 'jeju', ['Jeju City hotel', 33.4996, 126.5312], ['2026-05-11', '2026-05-13'], 'transit', 'en', [adult('Lena', ['nature', 'beach', 'museum'])]),
  trip('jeju-hikers-car-5d', 'jeju', ['Jeju City hotel', 33.4996, 126.5312], ['2026-10-05', '2026-10-09'], 'car', 'ko', [adult('태양', ['등산', '오름', '폭포']), adult('소라', ['해변', '맛집'])]),
  trip('jeju-seogwipo-toddler-2d', 'jeju', ['Seogwipo hotel', 33.2490, 126.5600], ['2026-12-21', '2026-12-22'], 'car', 'ko', [adult('엄마', ['바다']), { name: '아기', age: 2, preferences: [] }, adult('아빠', ['아이'])]),
  trip('jeju-aewol-wheelchair-3d', 'jeju', ['Aewol resort', 33.4627, 126.3300], ['2026-06-01', '2026-06-03'], 'car', 'en', [{ name: 'Grace', age: 55, health: { mobility: 'wheelchair' }, preferences: ['cafe', 'beach', 'garden'] }]),
  trip('jeju-seongsan-2d', 'jeju', ['Seongsan pension', 33.4600, 126.9300], ['2026-12-09', '2026-12-10'], 'transit', 'ja', [adult('Mei', ['自然', '海鮮'])]),
  trip('tokyo-asakusa-temples-3d', 'tokyo', ['Asakusa ryokan', 35.7120, 139.7950], ['2026-12-07', '2026-12-09'], 'transit', 'en', [adult('Eva', ['temples', 'history']), adult('Max', ['food'])]),
  trip('tokyo-shinjuku-4d', 'tokyo', ['Shinjuku hotel', 35.6938, 139.7034], ['2026-04-06', '2026-04-09'], 'transit', 'ja', [adult('Sora', ['ショッピング', 'ラーメン', '夜景'])]),
  trip('tokyo-shibuya-family-3d', 'tokyo', ['Shibuya hotel', 35.6580, 139.7016], ['2026-08-10', '2026-08-12'], 'transit', 'ko', [adult('수진', ['공원', '박물관']), { name: '하준', age: 6, preferences: ['아이'] }]),
  trip('tokyo-ginza-vegetarian-2d', 'tokyo', ['Ginza hotel', 35.6717, 139.7650], ['2026-10-19', '2026-10-20'], 'transit', 'en', [{ name: 'Ravi', age: 45, health: { mobility: 'full', notes: 'vegetarian' }, preferences: ['art'] }]),
  trip('tokyo-ueno-elderly-2d', 'tokyo', ['Ueno hotel', 35.7138, 139.7770], ['2026-11-16', '2026-11-17'], 'transit', 'ja', [{ name: 'Taro', age: 80, health: { mobility: 'limited' }, preferences: ['博物館', '庭園'] }]),
  trip('seoul-cityhall-mixed-5d', 'seoul', ['Hotel near City Hall', 37.5658, 126.9751], ['2026-12-14', '2026-12-18'], 'mixed', 'en', [adult('Alex', ['history', 'food', 'nightlife']), adult('Sam', ['palace', 'market'])]),
];
