import { columnOf, GLOSSARY_LANGUAGES, glossaryEntry, type GlossaryLanguage, segment } from './glossary.js';
import { romanizeHangul } from './romanizeHangul.js';
import { romanizeKana } from './romanizeKana.js';

/** The glossary language a Translator language code falls under (`zh` → `zh-Hans`), if any. */
export function glossaryLanguageOf(code: string): GlossaryLanguage | undefined {
  if (code === 'zh') return 'zh-Hans';
  return (GLOSSARY_LANGUAGES as readonly string[]).includes(code) ? (code as GlossaryLanguage) : undefined;
}

/** Hangul and Kana romanized; everything else as it is. */
export const romanize = (text: string): string => romanizeKana(romanizeHangul(text));

/** The sandbox's guess at a text's language, as Translator's `detectedLanguage` reports it. */
export function detectLanguage(text: string): string {
  if (/[\uAC00-\uD7AF]/u.test(text)) return 'ko';
  if (/[\u3040-\u30FF]/u.test(text)) return 'ja';
  if (/\p{Script=Han}/u.test(text)) return 'zh-Hans';
  return 'en';
}

function translateWord(word: string, from: GlossaryLanguage, to: GlossaryLanguage): string {
  const pieces = segment(from, word).map((part) =>
    'term' in part ? part.term[columnOf(to)]! : to === from ? part.unknown : romanize(part.unknown),
  );
  return pieces.join(to === 'en' ? ' ' : '');
}

/**
 * Deterministic "translation": the whole text from the glossary when it is there, else word by word
 * (glossary, known suffix, romanization). Languages outside the glossary get the romanized text.
 */
export function sandboxTranslate(text: string, fromCode: string, toCode: string): string {
  const from = glossaryLanguageOf(fromCode);
  const to = glossaryLanguageOf(toCode);
  if (!from || !to) return romanize(text);
  if (from === to) return text;
  const whole = glossaryEntry(from, text.trim());
  if (whole) return whole[columnOf(to)]!;
  return text
    .split(/(\s+)/)
    .map((part) => (/^\s*$/.test(part) ? part : translateWord(part, from, to)))
    .join('');
}
