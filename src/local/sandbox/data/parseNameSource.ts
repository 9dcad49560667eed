/** Languages `sources/names.txt` may give names in (the ones Korean and English columns do not cover). */
export const EXTRA_NAME_LANGUAGES = ['ja', 'zh-Hans', 'zh-Hant'] as const;
export type ExtraNameLanguage = (typeof EXTRA_NAME_LANGUAGES)[number];

/** Localized names by Kakao id, then language. */
export type NameTable = Map<string, Partial<Record<ExtraNameLanguage, string>>>;

/**
 * Read `sources/names.txt` (`kakaoId | language | name`; blank lines and `#` comments skipped). A
 * malformed row, an unknown language or a second name for the same place and language throws with
 * its file and line.
 */
export function parseNameSource(file: string, text: string): NameTable {
  const table: NameTable = new Map();
  text.split('\n').forEach((raw, index) => {
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const fail = (message: string) => {
      throw new Error(`${file}:${index + 1}: ${message}`);
    };
    const cells = raw.split('|').map((cell) => cell.trim());
    if (cells.length !== 3) fail(`expected 3 columns, got ${cells.length}`);
    const [kakaoId, language, name] = cells as [string, string, string];
    if (!/^\d{8}$/.test(kakaoId)) fail(`bad kakao id "${kakaoId}"`);
    if (!(EXTRA_NAME_LANGUAGES as readonly string[]).includes(language)) fail(`unknown language "${language}"`);
    if (name === '') fail('empty name');
    const names = table.get(kakaoId) ?? {};
    if (names[language as ExtraNameLanguage]) fail(`second ${language} name for ${kakaoId}`);
    names[language as ExtraNameLanguage] = name;
    table.set(kakaoId, names);
  });
  return table;
}
