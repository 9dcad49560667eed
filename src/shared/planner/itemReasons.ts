import { dietFit } from './dietary.js';
import type { GroupProfile } from './groupProfile.js';
import { joinList, message } from './messages.js';
import { kindOf } from './placeKind.js';
import type { ItineraryItem } from './planTypes.js';
import { formatHhmm, parseHhmm } from './timeOfDay.js';

/** What the reasons of one day are built from. */
export interface ReasonContext {
  readonly language: string;
  readonly profile: GroupProfile;
  /** Local sunset of the day, minutes since midnight. */
  readonly sunset?: number;
  /** Stated preferences each place meets, by place id. */
  readonly matched: ReadonlyMap<string, readonly string[]>;
  /** Grounded reasons from the LLM ranking, by candidate id (only ids it was given). */
  readonly rankerReasons?: Readonly<Record<string, string>>;
}

/** Ratings a traveller would call "well rated", and enough reviews to trust it. */
const GOOD_RATING = 4.2;
const TRUSTED_REVIEWS = 200;
/** A hop this short is worth saying ("5 min from the previous stop"). */
const SHORT_HOP_MINUTES = 15;
const MAX_PARTS = 2;

/**
 * Give every visit and meal of a day its one-line reason in the trip's language (what it matches,
 * why now, why here) and its notes (unknown step-free access, a diet the kitchen may not serve).
 */
export function withReasons(items: readonly ItineraryItem[], context: ReasonContext): ItineraryItem[] {
  const { language, profile } = context;
  const diets = profile.diets.map((diet) => message(language, `diet.${diet}`));
  return items.map((item, position) => {
    const place = item.place;
    if (!place || (item.kind !== 'visit' && item.kind !== 'meal')) return item;
    const before = items[position - 1];
    const hop =
      before?.kind === 'travel' ? Math.round((before.travel?.durationSeconds ?? 0) / 60) : undefined;
    const parts: string[] = [];
    const matched = context.matched.get(place.id) ?? [];
    const kind = kindOf(place);
    const fit = item.kind === 'meal' ? dietFit(place, profile.diets) : 'fits';
    if (item.kind === 'meal' && diets.length > 0 && fit === 'fits')
      parts.push(message(language, 'reason.diet_fits', { diets: joinList(language, diets) }));
    if (matched.length > 0)
      parts.push(message(language, 'reason.matches', { what: joinList(language, matched) }));
    if (item.kind === 'visit' && kind?.outdoor && context.sunset !== undefined)
      parts.push(message(language, 'reason.before_sunset', { time: formatHhmm(context.sunset) }));
    else if (
      item.kind === 'visit' &&
      kind?.evening &&
      context.sunset !== undefined &&
      parseHhmm(item.start) >= context.sunset - 60
    )
      parts.push(message(language, 'reason.evening'));
    if (profile.needsStepFree && place.wheelchairAccessible === true)
      parts.push(message(language, 'reason.step_free'));
    if (
      place.rating !== undefined &&
      place.rating >= GOOD_RATING &&
      (place.ratingCount ?? 0) >= TRUSTED_REVIEWS
    )
      parts.push(
        message(language, 'reason.rated', { rating: place.rating.toFixed(1), count: place.ratingCount ?? 0 }),
      );
    if (hop !== undefined && hop <= SHORT_HOP_MINUTES && hop > 0)
      parts.push(message(language, 'reason.near_previous', { minutes: hop }));
    if (parts.length === 0) parts.push(message(language, 'reason.popular'));
    const notes: string[] = [];
    if (profile.needsStepFree && place.wheelchairAccessible === undefined)
      notes.push(message(language, 'accessibility_unknown', { name: place.name }));
    if (item.kind === 'meal' && fit === 'unverified')
      notes.push(
        message(language, 'diet_unverified', { name: place.name, diets: joinList(language, diets) }),
      );
    const ranked = context.rankerReasons?.[place.id]?.trim();
    return {
      ...item,
      reason: ranked || parts.slice(0, MAX_PARTS).join(' · '),
      ...(notes.length > 0 ? { warnings: notes } : {}),
    };
  });
}
