/**
 * Hangul → Latin by the Revised Romanization of Korean, letter by letter with the common sound
 * changes at syllable joins (a final consonant before ㅇ carries over; ㄱ/ㄷ/ㅂ before ㄴ/ㅁ nasalize;
 * ㄴ+ㄹ and ㄹ+ㄴ become ll). Deterministic, so the sandbox and tests agree; the real Translator knows
 * more exceptions. No npm package does RR with these rules without a dictionary, hence this table.
 */
// prettier-ignore
const INITIALS = ['g', 'kk', 'n', 'd', 'tt', 'r', 'm', 'b', 'pp', 's', 'ss', '', 'j', 'jj', 'ch', 'k', 't', 'p', 'h'];
// prettier-ignore
const MEDIALS = ['a', 'ae', 'ya', 'yae', 'eo', 'e', 'yeo', 'ye', 'o', 'wa', 'wae', 'oe', 'yo', 'u', 'wo', 'we', 'wi', 'yu', 'eu', 'ui', 'i'];
/** Finals before a pause or a consonant (7 representative sounds). */
// prettier-ignore
const FINALS = ['', 'k', 'k', 'k', 'n', 'n', 'n', 't', 'l', 'k', 'm', 'l', 'l', 'l', 'p', 'l', 'm', 'p', 'p', 't', 't', 'ng', 't', 't', 'k', 't', 'p', 't'];
/** A final's consonant as the next syllable's initial when that one starts with ㅇ (연음). */
// prettier-ignore
const LINKED = ['', 'g', 'kk', 'ks', 'n', 'nj', 'nh', 'd', 'r', 'lg', 'lm', 'lb', 'ls', 'lt', 'lp', 'lh', 'm', 'b', 'bs', 's', 'ss', 'ng', 'j', 'ch', 'k', 't', 'p', 'h'];

const SYLLABLE_BASE = 0xac00;
const SYLLABLE_LAST = 0xd7a3;

interface Syllable {
  initial: number;
  medial: number;
  final: number;
}

function decompose(char: string): Syllable | undefined {
  const code = char.codePointAt(0)! - SYLLABLE_BASE;
  if (code < 0 || code > SYLLABLE_LAST - SYLLABLE_BASE) return undefined;
  return { initial: Math.floor(code / 588), medial: Math.floor((code % 588) / 28), final: code % 28 };
}

const NASAL_INITIALS = new Set([2, 6]); // ㄴ ㅁ

function join(current: Syllable, next: Syllable | undefined): { final: string; nextInitial?: string } {
  if (!next || current.final === 0) return { final: FINALS[current.final]! };
  if (next.initial === 11 && current.final !== 21) return { final: '', nextInitial: LINKED[current.final]! };
  const sound = FINALS[current.final]!;
  if (NASAL_INITIALS.has(next.initial)) {
    if (sound === 'k') return { final: 'ng' };
    if (sound === 't') return { final: 'n' };
    if (sound === 'p') return { final: 'm' };
    if (sound === 'l' && next.initial === 2) return { final: 'l', nextInitial: 'l' };
  }
  if (next.initial === 5) {
    if (sound === 'n' || sound === 'l') return { final: 'l', nextInitial: 'l' };
    if (sound === 'ng' || sound === 'm') return { final: sound, nextInitial: 'n' };
    if (sound === 'k') return { final: 'ng', nextInitial: 'n' };
    if (sound === 'p') return { final: 'm', nextInitial: 'n' };
    if (sound === 't') return { final: 'n', nextInitial: 'n' };
  }
  return { final: sound };
}

/** Romanize every Hangul run in `text`; other characters stay. Each word starts with a capital. */
export function romanizeHangul(text: string): string {
  const chars = [...text];
  let out = '';
  let carried: string | undefined;
  chars.forEach((char, index) => {
    const syllable = decompose(char);
    if (!syllable) {
      out += char;
      carried = undefined;
      return;
    }
    const next = decompose(chars[index + 1] ?? '');
    const initial = carried ?? INITIALS[syllable.initial]!;
    const { final, nextInitial } = join(syllable, next);
    out += initial + MEDIALS[syllable.medial]! + final;
    carried = nextInitial;
  });
  return out.replace(
    /(^|[^\p{L}])(\p{Ll})/gu,
    (_m, before: string, letter: string) => before + letter.toUpperCase(),
  );
}
