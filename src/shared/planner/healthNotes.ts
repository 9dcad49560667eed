import type { PlanMember } from './planTypes.js';

/** Dietary needs the planner can act on. */
export type Diet = 'vegetarian' | 'vegan' | 'halal' | 'no_pork' | 'no_seafood' | 'no_beef';

/** What a traveller's free-text notes and preferences tell the planner. */
export interface NoteNeeds {
  /** Needs step-free access (wheelchair, "no stairs", a stroller). */
  readonly stepFree: boolean;
  /** Walks little (cane, knee or hip trouble, pregnancy, tires quickly). */
  readonly limitedWalking: boolean;
  readonly diets: readonly Diet[];
}

/**
 * Keywords in Korean, English and Japanese (lower case). Matched as substrings: notes are short
 * and these words do not hide inside unrelated ones.
 */
const STEP_FREE = [
  'wheelchair',
  'no stairs',
  'stairs',
  'step-free',
  'stroller',
  'pram',
  'buggy',
  '휠체어',
  '계단',
  '유모차',
  '車椅子',
  '車いす',
  '階段',
  'ベビーカー',
];
const LIMITED_WALKING = [
  'cane',
  'walker',
  'knee',
  'hip',
  'pregnan',
  'tires',
  'tired',
  'short walks',
  '지팡이',
  '무릎',
  '임신',
  '관절',
  '杖',
  '膝',
  '妊娠',
];
/** Words that are a diet by themselves ("vegan", "halal", "no pork"). */
const DIETS: ReadonlyArray<readonly [Diet, readonly string[]]> = [
  ['vegan', ['vegan', '비건', 'ヴィーガン', 'ビーガン']],
  ['vegetarian', ['vegetarian', 'veggie', '채식', '베지테리언', 'ベジタリアン', '菜食']],
  ['halal', ['halal', 'muslim', '할랄', '무슬림', 'ハラール', 'ハラル']],
  ['no_pork', ['no pork', 'pork-free']],
  ['no_seafood', ['no seafood', 'seafood-free', 'no fish']],
  ['no_beef', ['no beef', 'beef-free']],
];
/**
 * Foods that only make a diet when the same phrase refuses them: "해산물 알레르기" and "豚肉なし" are
 * diets, but "해산물" or "海鮮" stated as a preference is a wish to eat it.
 */
const FOODS: ReadonlyArray<readonly [Diet, readonly string[]]> = [
  ['no_pork', ['pork', '돼지고기', '豚肉']],
  [
    'no_seafood',
    ['seafood', 'shellfish', 'fish', '해산물', '갑각류', '생선', '어패류', '魚介', '海鮮', '甲殻類', '魚'],
  ],
  ['no_beef', ['beef', '소고기', '쇠고기', '牛肉']],
];
const REFUSALS = [
  'no ',
  'not ',
  "don't",
  "can't",
  'cannot',
  'without',
  'avoid',
  'allerg',
  'intoleran',
  '알레르기',
  '알러지',
  '못 먹',
  '안 먹',
  '못먹',
  '안먹',
  '제외',
  '금지',
  '빼고',
  '없이',
  '불가',
  'アレルギー',
  '抜き',
  'なし',
  '無し',
  '禁止',
  '食べられない',
  'ダメ',
  'だめ',
  '不可',
  '苦手',
  '除く',
];

/** Read one traveller's `health.notes` and dietary preferences. */
export function noteNeeds(member: PlanMember): NoteNeeds {
  const notes = (member.health?.notes ?? '').toLowerCase();
  const stated = [notes, ...member.preferences.map((p) => p.toLowerCase())];
  const has = (words: readonly string[], texts: readonly string[]) =>
    texts.some((text) => words.some((word) => text.includes(word)));
  // A food refused in the same phrase ("no stairs, loves seafood" does not refuse seafood).
  const phrases = stated.flatMap((text) => text.split(/[,.;:\n、。，・/]/));
  const refused = (words: readonly string[]) =>
    phrases.some(
      (phrase) => words.some((w) => phrase.includes(w)) && REFUSALS.some((r) => phrase.includes(r)),
    );
  const diets = DIETS.flatMap(([diet, words]) =>
    has(words, stated) || refused(FOODS.find(([food]) => food === diet)?.[1] ?? []) ? [diet] : [],
  );
  // "Vegan" implies everything "vegetarian" rules out.
  if (diets.includes('vegan') && !diets.includes('vegetarian')) diets.push('vegetarian');
  return {
    stepFree: has(STEP_FREE, [notes]),
    limitedWalking: has(LIMITED_WALKING, [notes]),
    diets,
  };
}
