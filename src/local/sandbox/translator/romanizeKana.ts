/**
 * Kana → Latin (modified Hepburn): digraphs (きゃ → kya), the small っ doubling the next consonant,
 * and ー lengthening as a repeated vowel. Kanji need a dictionary and stay as they are, as they would
 * with any table-driven romanizer; the sandbox's glossary covers the names the dataset uses.
 */
const BASE: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'あa いi うu えe おo かka きki くku けke こko さsa しshi すsu せse そso たta ちchi つtsu てte とto ' +
    'なna にni ぬnu ねne のno はha ひhi ふfu へhe ほho まma みmi むmu めme もmo やya ゆyu よyo ' +
    'らra りri るru れre ろro わwa をo んn がga ぎgi ぐgu げge ごgo ざza じji ずzu ぜze ぞzo ' +
    'だda ぢji づzu でde どdo ばba びbi ぶbu べbe ぼbo ぱpa ぴpi ぷpu ぺpe ぽpo ぁa ぃi ぅu ぇe ぉo ゔvu'
  )
    .split(' ')
    .map((pair) => [pair[0]!, pair.slice(1)]),
);
const SMALL_Y: Readonly<Record<string, string>> = { ゃ: 'a', ゅ: 'u', ょ: 'o' };

/** Katakana as hiragana (same sounds, code points 0x60 apart). */
const toHiragana = (char: string) => {
  const code = char.codePointAt(0)!;
  return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
};

export function romanizeKana(text: string): string {
  const chars = [...text].map(toHiragana);
  let out = '';
  let double = false;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === 'っ') {
      double = true;
      continue;
    }
    if (char === 'ー') {
      out += out.at(-1) ?? '';
      continue;
    }
    let sound = BASE[char];
    if (sound === undefined) {
      out += char === '・' ? ' ' : char;
      double = false;
      continue;
    }
    const small = SMALL_Y[chars[i + 1] ?? ''];
    if (small && sound.endsWith('i') && sound.length > 1) {
      const stem = sound.slice(0, -1);
      sound = (/^(sh|ch|j)$/.test(stem) ? stem : `${stem}y`) + small;
      i++;
    }
    out += (double ? sound[0] : '') + sound;
    double = false;
  }
  return out.replace(
    /(^|[^\p{L}])(\p{Ll})/gu,
    (_m, before: string, letter: string) => before + letter.toUpperCase(),
  );
}
