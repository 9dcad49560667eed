import type { Place, PlaceCategory } from '../domain/place.js';

/** A theme travellers name in many ways, and how a place shows it. */
interface Theme {
  /** Words (any language) that, found in a stated preference, select this theme. */
  readonly triggers: readonly string[];
  readonly categories: readonly PlaceCategory[];
  /** Words that, found in a place's name or provider labels, show the theme. */
  readonly keywords: readonly string[];
}

const THEMES: readonly Theme[] = [
  { triggers: ['museum', '박물관'], categories: [], keywords: ['museum', '박물관'] },
  {
    triggers: ['art', 'gallery', '미술', '갤러리'],
    categories: [],
    keywords: ['art', 'gallery', '미술관', '갤러리'],
  },
  {
    triggers: ['history', 'historic', 'heritage', 'palace', 'temple', '역사', '궁', '사찰', '문화재'],
    categories: ['culture'],
    keywords: [
      'palace',
      'temple',
      'shrine',
      'fortress',
      'heritage',
      '궁궐',
      '고궁',
      '사찰',
      '유적',
      '문화재',
    ],
  },
  { triggers: ['culture', 'cultural', '문화'], categories: ['culture'], keywords: [] },
  {
    triggers: ['nature', 'park', 'garden', 'outdoor', '자연', '공원', '정원'],
    categories: ['nature'],
    keywords: ['park', 'garden', '공원', '정원', '숲'],
  },
  {
    triggers: ['hiking', 'hike', 'trek', 'mountain', '등산', '산행'],
    categories: ['nature'],
    keywords: ['trail', 'mountain', '등산', '둘레길', '산행'],
  },
  {
    triggers: ['beach', 'sea', 'ocean', '바다', '해변', '해수욕'],
    categories: ['nature'],
    keywords: ['beach', '해변', '해수욕장', '바다'],
  },
  {
    triggers: ['food', 'eat', 'cuisine', 'restaurant', 'gourmet', '맛집', '음식', '미식'],
    categories: ['restaurant'],
    keywords: [],
  },
  {
    triggers: ['cafe', 'coffee', 'dessert', '카페', '커피', '디저트'],
    categories: ['cafe'],
    keywords: ['cafe', 'coffee', '카페'],
  },
  {
    triggers: ['shopping', 'shop', 'market', 'mall', '쇼핑', '시장', '백화점'],
    categories: ['shopping'],
    keywords: ['market', 'mall', '시장', '백화점'],
  },
  {
    triggers: ['activity', 'activities', 'adventure', 'sport', '체험', '액티비티', '레저'],
    categories: ['activity'],
    keywords: [],
  },
  {
    triggers: [
      'kids',
      'children',
      'family',
      'zoo',
      'aquarium',
      'theme park',
      '아이',
      '어린이',
      '동물원',
      '아쿠아리움',
      '놀이공원',
    ],
    categories: [],
    keywords: [
      'zoo',
      'aquarium',
      'theme park',
      'amusement',
      'playground',
      '동물원',
      '아쿠아리움',
      '놀이공원',
      '키즈',
    ],
  },
  {
    triggers: ['sightseeing', 'landmark', 'view', 'tour', '관광', '명소', '전망'],
    categories: ['attraction'],
    keywords: ['tower', 'observatory', '전망대'],
  },
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

/** Build a matcher for one stated preference (case-insensitive; English and Korean vocabulary). */
export function preferenceMatcher(preference: string): PreferenceMatcher {
  const wanted = preference.trim().toLowerCase();
  const themes = THEMES.filter((theme) => theme.triggers.some((trigger) => containsTerm(wanted, trigger)));
  if (themes.length === 0) {
    // An unknown preference still counts when the place's own labels say it.
    return { preference, matches: (place) => wanted.length > 1 && containsTerm(placeText(place), wanted) };
  }
  return {
    preference,
    matches(place) {
      const text = placeText(place);
      return themes.some(
        (theme) =>
          theme.categories.includes(place.category) ||
          theme.keywords.some((keyword) => containsTerm(text, keyword)),
      );
    },
  };
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
