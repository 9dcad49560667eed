import type { Place, PlaceCategory } from '../domain/place.js';
import { kindOf } from './placeKind.js';

/** A theme travellers name in many ways, and how a place shows it. */
interface Theme {
  /** Words (Korean, English, Japanese) that, found in a stated preference, select this theme. */
  readonly triggers: readonly string[];
  /** Fine-grained kinds (see `placeKind.ts`) that satisfy it. */
  readonly kinds: readonly string[];
  /** Broad categories that satisfy it (only for broad themes such as "nature" or "food"). */
  readonly categories: readonly PlaceCategory[];
  /** Name words that show the theme when a place's labels name no kind. */
  readonly keywords: readonly string[];
  /** What to search for: Korean (Kakao) and English (Google). */
  readonly search?: { readonly ko: readonly string[]; readonly en: readonly string[] };
  /**
   * Name words that show the theme whatever the place's kind: a museum named for children or
   * teddy bears is for the family that asked for "kids", though most museums are not.
   */
  readonly anyKindKeywords?: readonly string[];
}

const theme = (
  triggers: string,
  kinds: string,
  categories: readonly PlaceCategory[] = [],
  keywords = '',
  search?: { ko: string; en: string },
): Theme => ({
  triggers: triggers.split(','),
  kinds: kinds.split(',').filter(Boolean),
  categories,
  keywords: keywords.split(',').filter(Boolean),
  ...(search ? { search: { ko: search.ko.split('|'), en: search.en.split('|') } } : {}),
});

/** Words in a place's name or labels that say it is for children (also `placeTraits`' kid-friendly). */
export const CHILDREN_NAME_WORDS = ['children', 'kids', '어린이', '키즈', 'teddy bear', '테디베어', 'こども'];

/** Specific themes select fine kinds: "temple" is met by a temple or shrine, not by any culture place. */
const THEMES: readonly Theme[] = [
  theme('museum,박물관,博物館,ミュージアム', 'museum,gallery', [], 'museum,박물관', {
    ko: '박물관',
    en: 'museum',
  }),
  theme('art,gallery,미술,갤러리,美術,アート,ギャラリー', 'gallery', [], 'art,gallery,미술관,갤러리', {
    ko: '미술관',
    en: 'art gallery',
  }),
  theme('temple,shrine,사찰,절,신사,寺,神社,お寺', 'temple', [], 'temple,shrine,사찰', {
    ko: '사찰',
    en: 'temple',
  }),
  theme('palace,궁궐,고궁,宮殿,王宮,御所,城', 'palace', [], 'palace,궁', { ko: '고궁', en: 'palace' }),
  theme(
    'history,historic,heritage,역사,문화재,유적,歴史,史跡,遺跡',
    'palace,temple,heritage,museum',
    [],
    'palace,temple,heritage,fortress,궁궐,고궁,유적,문화재',
    { ko: '문화재', en: 'historic site' },
  ),
  theme('culture,cultural,문화,文化', 'palace,temple,heritage,museum,gallery,theater', ['culture']),
  theme('nature,outdoor,자연,自然,アウトドア', '', ['nature'], 'park,garden,공원,정원,숲'),
  theme('park,garden,공원,정원,公園,庭園', 'park,garden,forest', [], 'park,garden,공원,정원', {
    ko: '공원',
    en: 'park',
  }),
  theme(
    'hiking,hike,trek,mountain,등산,산행,오름,트레킹,ハイキング,登山,山歩き',
    'mountain,trail',
    [],
    'trail,hiking,등산,둘레길',
    { ko: '등산', en: 'hiking' },
  ),
  theme(
    'beach,sea,ocean,coast,바다,해변,해수욕,해안,ビーチ,海辺,海岸',
    'beach,coast,island',
    [],
    'beach,해변,해수욕장',
    { ko: '해변', en: 'beach' },
  ),
  theme('waterfall,폭포,滝', 'waterfall', [], '폭포,waterfall', { ko: '폭포', en: 'waterfall' }),
  theme('food,eat,cuisine,restaurant,gourmet,맛집,음식,미식,グルメ,食べ', '', ['restaurant']),
  theme(
    'seafood,sushi,해산물,해물,회,물회,생선회,활어회,모둠회,횟집,회덮밥,초밥,海鮮,寿司,刺身',
    'seafood,sushi',
    [],
    '',
    {
      ko: '해물',
      en: 'seafood',
    },
  ),
  theme('ramen,라멘,ラーメン,つけ麺', 'ramen', [], 'ramen,라멘', { ko: '라멘', en: 'ramen' }),
  theme('noodle,국수,냉면,麺,そば,うどん', 'noodles,ramen', [], '', { ko: '국수', en: 'noodles' }),
  theme('market,시장,市場,マーケット', 'market', [], 'market,시장', { ko: '시장', en: 'market' }),
  theme('shopping,shop,mall,쇼핑,백화점,買い物,ショッピング', 'mall,market,street', ['shopping'], '', {
    ko: '쇼핑',
    en: 'shopping',
  }),
  theme('tea,teahouse,찻집,전통차,お茶,茶屋,日本茶', 'teahouse', [], 'tea,찻집', {
    ko: '찻집',
    en: 'tea house',
  }),
  theme(
    'cafe,coffee,dessert,카페,커피,디저트,カフェ,コーヒー',
    'cafe,teahouse',
    ['cafe'],
    'cafe,coffee,카페',
    { ko: '카페', en: 'cafe' },
  ),
  {
    ...theme(
      'kids,children,family,아이,어린이,가족,子供,子ども,家族',
      'zoo,aquarium,theme_park',
      [],
      'playground,키즈',
      { ko: '아쿠아리움|동물원|테마파크', en: 'aquarium|zoo|amusement park' },
    ),
    anyKindKeywords: CHILDREN_NAME_WORDS,
  },
  theme('zoo,aquarium,동물원,아쿠아리움,水族館,動物園', 'zoo,aquarium', [], '', {
    ko: '아쿠아리움|동물원',
    en: 'aquarium|zoo',
  }),
  theme('theme park,amusement,놀이공원,테마파크,遊園地,テーマパーク', 'theme_park', [], '', {
    ko: '테마파크',
    en: 'amusement park',
  }),
  theme(
    'view,tower,observatory,night view,전망,야경,타워,展望,夜景,タワー',
    'tower',
    [],
    'observatory,전망대',
    { ko: '전망대', en: 'observation deck' },
  ),
  theme('nightlife,bar,pub,술집,夜遊び,居酒屋,バー', 'bar,izakaya', [], '', { ko: '술집', en: 'bar' }),
  theme('spa,sauna,onsen,찜질방,온천,스파,温泉,銭湯', 'spa', [], '', { ko: '찜질방', en: 'spa' }),
  theme('activity,activities,adventure,sport,체험,액티비티,레저,アクティビティ,体験', '', ['activity']),
  theme('sightseeing,landmark,tour,관광,명소,観光,名所', 'tower,square,street,village', ['attraction']),
];

/** What a stated preference looks for: themes it names, or else its own words. */
export interface PreferenceMatcher {
  readonly preference: string;
  matches(place: Place): boolean;
}

/**
 * Whether `text` contains `term`. Latin terms must start a word ("art" is not in "party", but
 * "museum" is in "museums"), and with `wholeWord` also end one ("bar" is not in "barbecue"). Other
 * scripts have no spaces between words, so a substring is enough there.
 */
export function containsTerm(text: string, term: string, wholeWord = false): boolean {
  if (!/^[a-z _]+$/.test(term)) return text.includes(term);
  for (let from = text.indexOf(term); from >= 0; from = text.indexOf(term, from + 1)) {
    const startsWord = from === 0 || !/[a-z]/.test(text[from - 1]!);
    const next = text[from + term.length];
    const endsWord = next === undefined || !/[a-z]/.test(next);
    if (startsWord && (!wholeWord || endsWord)) return true;
  }
  return false;
}

function placeText(place: Place): string {
  return [place.name, ...place.categories].join(' ').toLowerCase();
}

const HANGUL = /[\uac00-\ud7a3]/;
/**
 * Particles that may follow a one-syllable Korean word (회를, 절에서, 회도), then no more Hangul. Not 의:
 * 회의 is a meeting. Dishes named with 회 (물회, 생선회, 횟집) are triggers of their own.
 */
const KOREAN_FOLLOWERS =
  /^(?:을|를|이|가|은|는|도|과|와|랑|이랑|에|에서|으로|로|만|요|나|하고)?(?![\uac00-\ud7a3])/;

/**
 * Whether a stated preference says `trigger`. As `containsTerm`, except that a one-syllable Korean
 * trigger (회 raw fish, 절 temple) must be a word of its own, bare or with a particle: Korean writes
 * particles onto words, so a longer trigger is found as a substring, but 회 is not in 전시회
 * (exhibition) or 회화 (painting), nor 절 in 절벽 (cliff) or 계절 (season).
 */
function saysTrigger(preference: string, trigger: string): boolean {
  if (trigger.length !== 1 || !HANGUL.test(trigger)) return containsTerm(preference, trigger);
  for (let from = preference.indexOf(trigger); from >= 0; from = preference.indexOf(trigger, from + 1)) {
    const startsWord = from === 0 || !HANGUL.test(preference[from - 1]!);
    if (startsWord && KOREAN_FOLLOWERS.test(preference.slice(from + 1))) return true;
  }
  return false;
}

/** Categories of places one visits (not restaurants, cafes, shops or lodging). */
const VISIT_CATEGORIES: ReadonlySet<PlaceCategory> = new Set(['attraction', 'culture', 'nature', 'activity']);
/** Places named for children that are not an outing: daycare, hospitals, dentists. */
const NOT_AN_OUTING = [
  '어린이집',
  '병원',
  '치과',
  '의원',
  'hospital',
  'clinic',
  'dental',
  'daycare',
  'nursery',
];
const containsAny = (text: string, terms: readonly string[]) => terms.some((t) => containsTerm(text, t));

/** The themes a stated preference names (empty when it names none). */
function themesOf(preference: string): Theme[] {
  const wanted = preference.trim().toLowerCase();
  return THEMES.filter((t) => t.triggers.some((trigger) => saysTrigger(wanted, trigger)));
}

/**
 * Build a matcher for one stated preference (Korean, English or Japanese). A place meets it when
 * its kind is one the theme names (or, for broad themes, its category); a place whose labels name
 * no kind may still show it by name.
 */
export function preferenceMatcher(preference: string): PreferenceMatcher {
  const wanted = preference.trim().toLowerCase();
  const themes = themesOf(preference);
  if (themes.length === 0) {
    // An unknown preference still counts when the place's own labels say it.
    return { preference, matches: (place) => wanted.length > 1 && containsTerm(placeText(place), wanted) };
  }
  return {
    preference,
    matches(place) {
      const kind = kindOf(place)?.name;
      return themes.some(
        (t) =>
          (kind !== undefined && t.kinds.includes(kind)) ||
          t.categories.includes(place.category) ||
          (kind === undefined && t.keywords.some((keyword) => containsTerm(placeText(place), keyword))) ||
          (VISIT_CATEGORIES.has(place.category) &&
            !containsAny(placeText(place), NOT_AN_OUTING) &&
            (t.anyKindKeywords?.some((keyword) => containsTerm(placeText(place), keyword)) ?? false)),
      );
    },
  };
}

/** Search words for a preference: the themes' own words in Korean or English, else the preference itself. */
export function preferenceSearchTerms(preference: string, korean: boolean): string[] {
  const themes = themesOf(preference).filter((t) => t.search !== undefined);
  if (themes.length === 0) return [preference.trim()];
  return [...new Set(themes.flatMap((t) => (korean ? t.search!.ko : t.search!.en)))];
}

/** The distinct stated preferences of the group (trimmed, case-insensitive). */
export function distinctPreferences(preferenceLists: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, string>();
  for (const list of preferenceLists) {
    for (const preference of list) {
      const key = preference.trim().toLowerCase();
      if (key !== '' && !seen.has(key)) seen.set(key, preference.trim());
    }
  }
  return [...seen.values()];
}
