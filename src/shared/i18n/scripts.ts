import { baseLanguage, writesLatin } from './languages.js';

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7AF]/u;
const KANA = /[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]/u;
const HAN = /\p{Script=Han}/u;
const LETTER = /\p{L}/u;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** The writing system a name is in, as Translator's script codes name them. */
export type TextScript = 'Kore' | 'Jpan' | 'Hani' | 'Latn' | 'Other' | 'None';

/** The dominant script of a text: Hangul → Kore, any Kana → Jpan, Han alone → Hani, only Latin letters → Latn. */
export function scriptOf(text: string): TextScript {
  if (HANGUL.test(text)) return 'Kore';
  if (KANA.test(text)) return 'Jpan';
  if (HAN.test(text)) return 'Hani';
  if (!LETTER.test(text)) return 'None';
  return NON_LATIN_LETTER.test(text) ? 'Other' : 'Latn';
}

/**
 * Whether a reader of `language` can read the text as it is: Korean reads Hangul and Latin; Japanese
 * reads Kana, Kanji and Latin; Chinese reads Han and Latin; Latin-script languages read Latin only.
 * Latin is accepted everywhere because brand names ("teamLab", "N Seoul Tower") are written so.
 */
export function readableIn(text: string, language: string): boolean {
  const script = scriptOf(text);
  if (script === 'None' || script === 'Latn') return true;
  switch (baseLanguage(language)) {
    case 'ko':
      return script === 'Kore';
    case 'ja':
      return script === 'Jpan' || script === 'Hani';
    case 'zh':
      return script === 'Hani';
    default:
      return !writesLatin(language) && script === 'Other';
  }
}

/** The language and script Translator's transliteration needs for a text, when it has one to Latin. */
export function transliterationSourceOf(
  text: string,
  fallbackLanguage?: string,
): { language: string; fromScript: string } | undefined {
  switch (scriptOf(text)) {
    case 'Kore':
      return { language: 'ko', fromScript: 'Kore' };
    case 'Jpan':
      return { language: 'ja', fromScript: 'Jpan' };
    case 'Hani':
      return fallbackLanguage && baseLanguage(fallbackLanguage) === 'zh'
        ? { language: fallbackLanguage, fromScript: fallbackLanguage === 'zh-Hant' ? 'Hant' : 'Hans' }
        : { language: 'ja', fromScript: 'Jpan' };
    default:
      return undefined;
  }
}
