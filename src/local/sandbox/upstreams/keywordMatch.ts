import type { SandboxPlace } from '../dataset/SandboxPlace.js';

/** Words a text query carries that say nothing about the place ("cafes in Seoul"). */
const STOPWORDS = new Set([
  'in',
  'near',
  'the',
  'of',
  'at',
  'a',
  'an',
  'and',
  'for',
  'to',
  'around',
  'best',
  '근처',
  '주변',
]);

const normalize = (text: string) =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ');

export function queryTokens(query: string): string[] {
  return normalize(query)
    .split(/\s+/)
    .filter((token) => token !== '' && !STOPWORDS.has(token));
}

/** Whether `token` occurs in `text`, ignoring spaces (Korean compounds: "경복궁" ~ "경복 궁"); a plural -s may drop. */
function occurs(token: string, text: string): boolean {
  const squeezed = text.replaceAll(' ', '');
  if (text.includes(token) || squeezed.includes(token)) return true;
  return token.length > 3 && token.endsWith('s') && occurs(token.slice(0, -1), text);
}

/**
 * How well `place` matches a keyword query, in Korean and English at once (the dataset carries
 * both): every token must occur in the name, category words, or address; name hits weigh most.
 * 0 = no match. Ties are for the caller to break (distance, popularity).
 */
export function matchScore(place: SandboxPlace, tokens: readonly string[]): number {
  if (tokens.length === 0) return 0;
  const name = normalize(`${place.name.ko} ${place.name.en}`);
  const category = normalize(
    [...place.keywords.ko, ...place.keywords.en, place.kakao.categoryName].join(' '),
  );
  const address = normalize(`${place.address.ko} ${place.address.en}`);
  let score = 0;
  for (const token of tokens) {
    if (occurs(token, name)) score += 10;
    else if (occurs(token, category)) score += 5;
    else if (occurs(token, address)) score += 2;
    else return 0;
  }
  return score;
}
