import type { Place } from '../domain/place.js';
import { dietFit } from './dietary.js';
import type { GroupProfile } from './groupProfile.js';
import { kindOf } from './placeKind.js';
import { CHILDREN_NAME_WORDS, containsTerm } from './preferenceMatch.js';

/** Labels or name words that say a place asks for real physical effort. */
const STRENUOUS_TERMS = [
  'hiking',
  'trail',
  'trekking',
  'climbing',
  'mountain peak',
  'summit',
  '등산',
  '등산로',
  '산행',
  '암벽',
  '트레킹',
];

/** Labels or name words of places unsuitable for children. */
const ADULT_ONLY_TERMS = [
  'bar',
  'pub',
  'night club',
  'night_club',
  'nightclub',
  'casino',
  'liquor',
  '술집',
  '호프',
  '주점',
  '유흥',
  '카지노',
];

/** Labels or name words of places children enjoy. */
const KID_FRIENDLY_TERMS = [
  'zoo',
  'aquarium',
  'theme park',
  'amusement',
  'playground',
  '동물원',
  '아쿠아리움',
  '놀이공원',
  ...CHILDREN_NAME_WORDS,
];

function text(place: Place): string {
  return [place.name, ...place.categories].join(' ').toLowerCase();
}

/** Mountains, hiking areas, oreum and long trails by kind, or effort words in the name or labels. */
export function isStrenuous(place: Place): boolean {
  if (kindOf(place)?.strenuous) return true;
  const t = text(place);
  return STRENUOUS_TERMS.some((term) => containsTerm(t, term));
}

export function isAdultOnly(place: Place): boolean {
  const t = text(place);
  return ADULT_ONLY_TERMS.some((term) => containsTerm(t, term, true));
}

export function isKidFriendly(place: Place): boolean {
  const t = text(place);
  return KID_FRIENDLY_TERMS.some((term) => containsTerm(t, term));
}

/**
 * Why the group must not be sent to a place, when the data says so; `undefined` when it may go.
 * Unknown accessibility is not a reason to exclude (it lowers the score and is flagged on the item).
 */
export function unsuitabilityReason(place: Place, profile: GroupProfile): UnsuitableReason | undefined {
  if (profile.needsStepFree && place.wheelchairAccessible === false) return 'not_step_free';
  if ((profile.hasWheelchair || profile.hasLimitedMobility) && isStrenuous(place))
    return 'strenuous_mobility';
  if ((profile.hasToddler || profile.hasVeryOld || profile.maxWalkDayMeters <= 4_000) && isStrenuous(place)) {
    return 'strenuous_group';
  }
  if (profile.hasChildren && isAdultOnly(place)) return 'adults_only';
  if (place.category === 'restaurant' && dietFit(place, profile.diets) === 'unsuitable') return 'diet';
  return undefined;
}

/** Why a place does not suit the group (message keys of the traveller-facing catalog). */
export type UnsuitableReason =
  'not_step_free' | 'strenuous_mobility' | 'strenuous_group' | 'adults_only' | 'diet';
