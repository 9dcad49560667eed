import type { SandboxPlace } from '../dataset/SandboxPlace.js';

/** Chinese as the dataset keys it: by script, from a script or region subtag; bare `zh` is Simplified. */
function datasetLanguageOf(languageCode: string): string {
  const [language = '', ...rest] = languageCode.split('-');
  if (language.toLowerCase() !== 'zh') return language.toLowerCase();
  const subtags = rest.map((s) => s.toLowerCase());
  return subtags.some((s) => ['hant', 'tw', 'hk', 'mo'].includes(s)) ? 'zh-Hant' : 'zh-Hans';
}

/**
 * Places `displayName` for a `languageCode`, as Google answers it: the name in that language when
 * the place has one (Korean, English, and `localizedNames` from `sources/names.txt`); for Japanese or
 * Chinese without one, the name as written locally (Korean in Korea, Japanese in Japan) — not a
 * translation; any other language gets the English name (the dataset has no more).
 */
export function googleDisplayName(
  place: SandboxPlace,
  languageCode: unknown,
): { text: string; languageCode: string } {
  const wanted = typeof languageCode === 'string' ? datasetLanguageOf(languageCode) : 'en';
  if (wanted === 'ko') return { text: place.name.ko, languageCode: 'ko' };
  const localized = place.localizedNames?.[wanted];
  if (localized) return { text: localized, languageCode: wanted };
  if (wanted === 'ja' || wanted.startsWith('zh')) {
    if (place.countryCode === 'KR') return { text: place.name.ko, languageCode: 'ko' };
    const japanese = place.localizedNames?.ja;
    if (japanese) return { text: japanese, languageCode: 'ja' };
  }
  return { text: place.name.en, languageCode: 'en' };
}
