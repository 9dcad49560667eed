import { z } from 'zod';

/** Languages every traveller-facing surface is tested in; any other language ICU knows passes through. */
export const SUPPORTED_LANGUAGES = ['ko', 'en', 'ja', 'zh-Hans', 'zh-Hant'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Region-tagged Chinese as the script Translator and Google key on: mainland and Singapore write
 * Simplified, Taiwan, Hong Kong and Macau Traditional; bare `zh` means Simplified (Translator's `zh-Hans`).
 */
const CHINESE_BY_REGION: Readonly<Record<string, 'zh-Hans' | 'zh-Hant'>> = {
  CN: 'zh-Hans',
  SG: 'zh-Hans',
  TW: 'zh-Hant',
  HK: 'zh-Hant',
  MO: 'zh-Hant',
};

// ICU's language names double as the registry of real language codes: "xx" has no name, "fr" has.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical form of a BCP-47 language tag (`EN` → `en`, `zh-TW` → `zh-Hant`, `ja-JP` → `ja`), or
 * `undefined` when it is malformed or names no language ICU knows.
 */
export function normalizeLanguage(tag: string): string | undefined {
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(tag.trim());
  } catch {
    return undefined;
  }
  const locale = new Intl.Locale(canonical);
  if (locale.language === 'zh') {
    if (locale.script === 'Hans' || locale.script === 'Hant') return `zh-${locale.script}`;
    return CHINESE_BY_REGION[locale.region ?? ''] ?? 'zh-Hans';
  }
  if (!languageNames.of(locale.language)) return undefined;
  // The five supported languages drop their region (names do not differ by it); others keep the tag.
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(locale.language) ? locale.language : canonical;
}

export const UNSUPPORTED_LANGUAGE_MESSAGE =
  `unknown language; supported: ${SUPPORTED_LANGUAGES.join(', ')} ` +
  '(other BCP-47 languages pass through to Google and Translator where they support them)';

/** A request's `language`: any known BCP-47 language, normalized; unknown codes fail with the supported list. */
export const languageCodeSchema = z
  .string()
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, UNSUPPORTED_LANGUAGE_MESSAGE)
  .meta({
    description: `BCP-47 language; ${SUPPORTED_LANGUAGES.join(', ')} or another Google and Translator support`,
  })
  .transform((tag, ctx) => {
    const language = normalizeLanguage(tag);
    if (language) return language;
    ctx.addIssue({ code: 'custom', message: UNSUPPORTED_LANGUAGE_MESSAGE });
    return z.NEVER;
  });

/** The language's primary subtag (`zh-Hant` → `zh`). */
export const baseLanguage = (language: string): string => language.split('-')[0]!.toLowerCase();

/** Languages not written in Latin script among the ones we may be asked for. */
const NON_LATIN = new Set([
  'ko',
  'ja',
  'zh',
  'ru',
  'uk',
  'bg',
  'sr',
  'mk',
  'be',
  'kk',
  'ky',
  'mn',
  'tg',
  'el',
  'ar',
  'fa',
  'ur',
  'ps',
  'he',
  'yi',
  'hi',
  'mr',
  'ne',
  'bn',
  'pa',
  'gu',
  'or',
  'ta',
  'te',
  'kn',
  'ml',
  'si',
  'th',
  'lo',
  'km',
  'my',
  'ka',
  'hy',
  'am',
  'ti',
  'dv',
  'bo',
]);

/** Whether the language is written in Latin script (names for it are transliterated, not translated). */
export function writesLatin(language: string): boolean {
  return !NON_LATIN.has(baseLanguage(language));
}
