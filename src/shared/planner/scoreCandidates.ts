import type { Place, PlaceCategory } from '../domain/place.js';
import { dietFit } from './dietary.js';
import type { GroupProfile } from './groupProfile.js';
import { hasKnownHours } from './openingWindows.js';
import { kindKey } from './placeKind.js';
import { isKidFriendly, unsuitabilityReason, type UnsuitableReason } from './placeTraits.js';
import type { DroppedPlace, PlanMember } from './planTypes.js';
import { preferenceMatcher } from './preferenceMatch.js';

/** A candidate with its planning score. `index` is its position in `PlanRequest.places`. */
export interface ScoredPlace {
  readonly index: number;
  readonly place: Place;
  readonly score: number;
  /** The stated preferences this place satisfies. */
  readonly matchedPreferences: readonly string[];
}

export interface ScoredCandidates {
  /** Places to visit, best first. */
  readonly visits: readonly ScoredPlace[];
  /** Places to eat lunch or dinner at, best first. */
  readonly restaurants: readonly ScoredPlace[];
  /** Places the group must not visit: `code` says why (a `dropped.*` message), `index` into the request. */
  readonly excluded: readonly (DroppedPlace & { index: number; code?: UnsuitableReason })[];
  /** Ranking ids that are not candidates (an LLM inventing places); they were ignored. */
  readonly rankingIdsIgnored: number;
}

/** How much a review count is trusted: the prior weighs like this many reviews. */
const PRIOR_REVIEWS = 25;
const DEFAULT_PRIOR_RATING = 3.8;
/** Each further place of an already represented category is worth this much less (diversity). */
const SAME_CATEGORY_DISCOUNT = 0.85;

/**
 * Bayesian average rating: (v·r + C·m) / (v + C). A 5.0 from 2 reviews moves little from the prior
 * m; a 4.6 from 3,000 reviews stays 4.6.
 */
export function bayesianRating(
  rating: number | undefined,
  reviews: number | undefined,
  prior: number,
): number {
  if (rating === undefined) return prior;
  const count = reviews ?? 1;
  return (count * rating + PRIOR_REVIEWS * prior) / (count + PRIOR_REVIEWS);
}

/**
 * Score every candidate for this group (0–100-ish): stated-preference match (share of travellers
 * whose preferences it meets), Bayesian rating, suitability for children, seniors and limited
 * mobility, an optional LLM ranking, and diversity (repeated categories are discounted). Places the
 * data says the group must not visit are excluded with the reason.
 */
export function scoreCandidates(
  places: readonly Place[],
  members: readonly PlanMember[],
  profile: GroupProfile,
  ranking?: readonly string[],
): ScoredCandidates {
  const rated = places.filter((p) => p.rating !== undefined);
  const prior =
    rated.length > 0 ? rated.reduce((sum, p) => sum + p.rating!, 0) / rated.length : DEFAULT_PRIOR_RATING;
  const travellersWithPreferences = members
    .filter((m) => m.preferences.length > 0)
    .map((m) => m.preferences.map(preferenceMatcher));
  const { rankOf, ignored } = rankingPositions(places, ranking);

  const excluded: (DroppedPlace & { index: number; code?: UnsuitableReason })[] = [];
  const seen = new Set<string>();
  const visits: ScoredPlace[] = [];
  const restaurants: ScoredPlace[] = [];
  for (const [index, place] of places.entries()) {
    const code = unsuitabilityReason(place, profile);
    const reason = seen.has(place.id)
      ? 'duplicate candidate'
      : place.category === 'lodging'
        ? 'lodging is not a visit'
        : code;
    const repeated = seen.has(place.id);
    seen.add(place.id);
    if (reason !== undefined) {
      excluded.push({
        placeId: place.id,
        name: place.name,
        reason,
        index,
        ...(code !== undefined && !repeated && place.category !== 'lodging' ? { code } : {}),
      });
      continue;
    }
    const matched = new Set<string>();
    let travellersPleased = 0;
    for (const matchers of travellersWithPreferences) {
      const hits = matchers.filter((m) => m.matches(place));
      if (hits.length > 0) travellersPleased++;
      hits.forEach((hit) => matched.add(hit.preference));
    }
    const preferenceShare =
      travellersWithPreferences.length > 0 ? travellersPleased / travellersWithPreferences.length : 0;
    const rating = bayesianRating(place.rating, place.ratingCount, prior);
    const rank = rankOf.get(place.id);
    const score =
      10 +
      40 * preferenceShare +
      30 * Math.min(1, Math.max(0, (rating - 3) / 2)) +
      suitabilityPoints(place, profile) +
      (rank === undefined ? 0 : 20 * (1 - rank.position / rank.of));
    const scored = { index, place, score: Math.max(1, score), matchedPreferences: [...matched] };
    (place.category === 'restaurant' ? restaurants : visits).push(scored);
  }
  return {
    visits: withDiversity(visits),
    restaurants: byScore(restaurants),
    excluded,
    rankingIdsIgnored: ignored,
  };
}

function suitabilityPoints(place: Place, profile: GroupProfile): number {
  let points = 0;
  if (profile.hasChildren && isKidFriendly(place)) points += 10;
  const calm: PlaceCategory[] = ['culture', 'nature', 'cafe'];
  if ((profile.hasSeniors || profile.hasLimitedMobility) && calm.includes(place.category)) points += 4;
  if (profile.needsStepFree && place.wheelchairAccessible === true) points += 6;
  if (profile.needsStepFree && place.wheelchairAccessible === undefined) points -= 6;
  // A restaurant known to serve the group's diet beats one that may not.
  if (place.category === 'restaurant' && profile.diets.length > 0 && dietFit(place, profile.diets) === 'fits')
    points += 15;
  // Unknown hours are a risk: schedulable, but after places whose hours are known.
  if (!hasKnownHours(place)) points -= 5;
  return points;
}

function rankingPositions(places: readonly Place[], ranking: readonly string[] | undefined) {
  const ids = new Set(places.map((p) => p.id));
  const valid = [...new Set(ranking ?? [])].filter((id) => ids.has(id));
  const rankOf = new Map(valid.map((id, position) => [id, { position, of: valid.length }]));
  const ignored = (ranking ?? []).filter((id) => !ids.has(id)).length;
  return { rankOf, ignored };
}

function byScore(list: ScoredPlace[]): ScoredPlace[] {
  return [...list].sort((a, b) => b.score - a.score || a.place.id.localeCompare(b.place.id));
}

/** Discount each further place of a kind so a plan does not fill up with one kind of place. */
function withDiversity(list: ScoredPlace[]): ScoredPlace[] {
  const seenPerKind = new Map<string, number>();
  const discounted = byScore(list).map((scored) => {
    const key = kindKey(scored.place);
    const count = seenPerKind.get(key) ?? 0;
    seenPerKind.set(key, count + 1);
    return { ...scored, score: scored.score * SAME_CATEGORY_DISCOUNT ** Math.min(count, 6) };
  });
  return byScore(discounted);
}
