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
const DIETS: ReadonlyArray<readonly [Diet, readonly string[]]> = [
  ['vegan', ['vegan', '비건', 'ヴィーガン', 'ビーガン']],
  ['vegetarian', ['vegetarian', 'veggie', '채식', '베지테리언', 'ベジタリアン', '菜食']],
  ['halal', ['halal', 'muslim', '할랄', '무슬림', 'ハラール', 'ハラル']],
  ['no_pork', ['no pork', 'pork allergy', '돼지고기', '豚肉']],
  [
    'no_seafood',
    [
      'no seafood',
      'seafood allergy',
      'shellfish',
      'fish allergy',
      '해산물',
      '갑각류',
      '생선',
      '魚介',
      '海鮮',
      '甲殻類',
    ],
  ],
  ['no_beef', ['no beef', '소고기', '牛肉']],
];

/** Read one traveller's `health.notes` and dietary preferences. */
export function noteNeeds(member: PlanMember): NoteNeeds {
  const notes = (member.health?.notes ?? '').toLowerCase();
  const stated = [notes, ...member.preferences.map((p) => p.toLowerCase())];
  const has = (words: readonly string[], texts: readonly string[]) =>
    texts.some((text) => words.some((word) => text.includes(word)));
  const diets = DIETS.filter(([, words]) => has(words, stated)).map(([diet]) => diet);
  // "Vegan" implies everything "vegetarian" rules out.
  if (diets.includes('vegan') && !diets.includes('vegetarian')) diets.push('vegetarian');
  return {
    stepFree: has(STEP_FREE, [notes]),
    limitedWalking: has(LIMITED_WALKING, [notes]),
    diets,
  };
}
