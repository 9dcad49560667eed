/**
 * The sandbox Translator's bundled glossary: words that recur in Korean and Japanese place names and
 * addresses, in each supported language. Whole texts and words are looked up here; a word that ends
 * in a known suffix ("경복궁" = "경복" + "궁") becomes the romanized stem plus the suffix's translation;
 * anything else is romanized (as Translator does with proper names it does not know).
 */
export const GLOSSARY_LANGUAGES = ['ko', 'en', 'ja', 'zh-Hans', 'zh-Hant'] as const;
export type GlossaryLanguage = (typeof GLOSSARY_LANGUAGES)[number];

// prettier-ignore
const ROWS: readonly (readonly [ko: string, en: string, ja: string, zhHans: string, zhHant: string])[] = [
  ['서울', 'Seoul', 'ソウル', '首尔', '首爾'],
  ['부산', 'Busan', '釜山', '釜山', '釜山'],
  ['제주', 'Jeju', '済州', '济州', '濟州'],
  ['제주특별자치도', 'Jeju Special Self-Governing Province', '済州特別自治道', '济州特别自治道', '濟州特別自治道'],
  ['도쿄', 'Tokyo', '東京', '东京', '東京'],
  ['일본', 'Japan', '日本', '日本', '日本'],
  ['대한민국', 'South Korea', '韓国', '韩国', '韓國'],
  ['궁', 'Palace', '宮', '宫', '宮'],
  ['박물관', 'Museum', '博物館', '博物馆', '博物館'],
  ['미술관', 'Art Museum', '美術館', '美术馆', '美術館'],
  ['시장', 'Market', '市場', '市场', '市場'],
  ['공원', 'Park', '公園', '公园', '公園'],
  ['타워', 'Tower', 'タワー', '塔', '塔'],
  ['해수욕장', 'Beach', '海水浴場', '海水浴场', '海水浴場'],
  ['사', 'Temple', '寺', '寺', '寺'],
  ['산', 'Mountain', '山', '山', '山'],
  ['호텔', 'Hotel', 'ホテル', '酒店', '酒店'],
  ['카페', 'Cafe', 'カフェ', '咖啡馆', '咖啡館'],
  ['국밥', 'Gukbap (rice soup)', 'クッパ', '汤饭', '湯飯'],
  ['식당', 'Restaurant', '食堂', '餐厅', '餐廳'],
  ['마을', 'Village', '村', '村', '村'],
  ['한옥마을', 'Hanok Village', '韓屋村', '韩屋村', '韓屋村'],
  ['월요일', 'Monday', '月曜日', '星期一', '星期一'],
  ['휴무', 'Closed', '定休日', '休息', '休息'],
];

const BY_LANGUAGE = new Map<GlossaryLanguage, Map<string, readonly string[]>>(
  GLOSSARY_LANGUAGES.map((language, column) => [
    language,
    new Map(ROWS.map((row) => [row[column]!.toLowerCase(), row] as const)),
  ]),
);

/** The glossary row of a word in a language, if the glossary has it. */
export function glossaryEntry(language: GlossaryLanguage, word: string): readonly string[] | undefined {
  return BY_LANGUAGE.get(language)?.get(word.toLowerCase());
}

const LONGEST_TERM = Math.max(...ROWS.flat().map((term) => term.length));

/**
 * A word cut into glossary terms and unknown runs, longest term first at each position
 * ("경복궁" → 경복 + 궁, "東京タワー" → 東京 + タワー). One-letter terms match only at the end of the
 * word, so "사" (temple) is not found inside "사직로".
 */
export function segment(
  language: GlossaryLanguage,
  word: string,
): ({ term: readonly string[] } | { unknown: string })[] {
  const chars = [...word];
  const parts: ({ term: readonly string[] } | { unknown: string })[] = [];
  let unknown = '';
  for (let i = 0; i < chars.length;) {
    let found: { row: readonly string[]; length: number } | undefined;
    for (let length = Math.min(LONGEST_TERM, chars.length - i); length >= 1 && !found; length--) {
      if (length === 1 && (i + 1 < chars.length || i === 0)) continue;
      const row = glossaryEntry(language, chars.slice(i, i + length).join(''));
      if (row) found = { row, length };
    }
    if (!found) {
      unknown += chars[i];
      i++;
      continue;
    }
    if (unknown) parts.push({ unknown });
    unknown = '';
    parts.push({ term: found.row });
    i += found.length;
  }
  if (unknown) parts.push({ unknown });
  return parts;
}

export const columnOf = (language: GlossaryLanguage): number => GLOSSARY_LANGUAGES.indexOf(language);
